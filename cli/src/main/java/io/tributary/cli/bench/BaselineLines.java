package io.tributary.cli.bench;

import io.tributary.producers.fleet.FleetSimulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's own lines, held in memory so a baseline measures only the server, not line generation. Capped so a
 * large run fits the CLI's heap: a baseline over the first {@code cap} bytes gives the same rate as over all of them.
 */
final class BaselineLines {
    static final long DEFAULT_CAP_BYTES = 128L * 1000 * 1000;

    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> values = new ArrayList<>();
    long valueBytes;

    static BaselineLines of(FleetSimulator simulator, long capBytes) {
        var lines = new BaselineLines();
        var stop = new RuntimeException("cap reached");
        try {
            simulator.generate(line -> {
                if (lines.valueBytes >= capBytes) {
                    throw stop; // the simulator streams; leaving early is the only way to stop it
                }
                byte[] value = line.line().getBytes(StandardCharsets.UTF_8);
                lines.keys.add(line.vehicleId().getBytes(StandardCharsets.UTF_8));
                lines.values.add(value);
                lines.valueBytes += value.length;
            });
        } catch (RuntimeException e) {
            if (e != stop) {
                throw e;
            }
        }
        return lines;
    }

    int size() {
        return values.size();
    }

    /** The lines joined by newlines, as a landing-style object body. */
    byte[] joined() {
        byte[] body = new byte[Math.toIntExact(valueBytes + values.size())];
        int at = 0;
        for (byte[] v : values) {
            System.arraycopy(v, 0, body, at, v.length);
            at += v.length;
            body[at++] = '\n';
        }
        return body;
    }
}
