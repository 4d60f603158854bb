package io.tributary.cli.bench;

import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.web.WebSimulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulators' own lines, held in memory so a baseline measures only the server, not line generation: the first
 * lines of each simulator, as many bytes of each as the workload's mix gives it. Capped so a large run fits the CLI's
 * heap: a baseline over the first {@code cap} bytes gives the same rate as over all of them.
 */
final class BaselineLines {
    static final long DEFAULT_CAP_BYTES = 128L * 1000 * 1000;

    final List<byte[]> values = new ArrayList<>();
    long vehicleLines;
    long webLines;
    long valueBytes;

    static BaselineLines of(Workload workload, long capBytes) {
        var lines = new BaselineLines();
        double total = Math.max(1, workload.rawBytes());
        long vehicleCap = Math.round(Math.min(capBytes, workload.rawBytes()) * (workload.vehicleBytes() / total));
        long webCap = Math.round(Math.min(capBytes, workload.rawBytes()) * (workload.webBytes() / total));
        if (workload.vehicleEvents() > 0) {
            lines.vehicleLines = take(sink -> new FleetSimulator(workload.fleet()).generate(l -> sink.accept(l.line())),
                    vehicleCap, lines);
        }
        if (workload.webLines() > 0) {
            lines.webLines = take(sink -> new WebSimulator(workload.web()).generate(l -> sink.accept(l.line())),
                    webCap, lines);
        }
        return lines;
    }

    /** Adds lines of one simulator until {@code cap} bytes; returns how many. */
    private static long take(Consumer<Consumer<String>> generator, long cap, BaselineLines into) {
        var stop = new RuntimeException("cap reached");
        long[] taken = {0, 0};
        try {
            generator.accept(line -> {
                if (taken[1] >= cap) {
                    throw stop; // the simulators stream; leaving early is the only way to stop them
                }
                byte[] value = line.getBytes(StandardCharsets.UTF_8);
                into.values.add(value);
                into.valueBytes += value.length;
                taken[0]++;
                taken[1] += value.length;
            });
        } catch (RuntimeException e) {
            if (e != stop) {
                throw e;
            }
        }
        return taken[0];
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

    /**
     * Writes up to {@code maxLines} lines, newline-separated, taking vehicle and web lines in their proportion, as a
     * payload file for Kafka's ProducerPerformance (which sends randomly chosen lines of it).
     */
    Path writePayloadFile(Path file, int maxLines) {
        int n = Math.min(maxLines, size());
        long vehicleShare = size() == 0 ? 0 : Math.round((double) n * vehicleLines / size());
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < vehicleShare; i++) {
                out.write(values.get(i));
                out.write('\n');
            }
            for (int i = 0; i < n - vehicleShare; i++) {
                out.write(values.get((int) vehicleLines + i));
                out.write('\n');
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the payload file " + file, e);
        }
    }
}
