package io.tributary.microbench;

import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Inputs shared by the benchmarks: the fleet simulator's own lines, so sizes and shapes are the real ones. */
final class Samples {
    static final int LINES = 4096;

    private Samples() {
    }

    /** The first {@link #LINES} lines of a 50-vehicle fleet (seed 42), in publish order. */
    static List<String> fleetLines() {
        List<String> lines = new ArrayList<>(LINES);
        var spec = FleetSpec.of(42, 50, LINES).withRecordCalls(false);
        new FleetSimulator(spec).generate(line -> lines.add(line.line()));
        return lines;
    }

    static byte[][] utf8(List<String> lines) {
        byte[][] bytes = new byte[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            bytes[i] = lines.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }
}
