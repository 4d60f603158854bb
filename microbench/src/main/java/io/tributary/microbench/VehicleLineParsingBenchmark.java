package io.tributary.microbench;

import io.tributary.streams.common.LineRules;
import io.tributary.streams.vehicle.ParseResult;
import io.tributary.streams.vehicle.RecordOrigin;
import io.tributary.streams.vehicle.VehicleLineParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * The stream processor's hot path per raw record: one seed-CSV line (and the JSON form) into a canonical event, its
 * event id included. Lines cycle through 4,096 of the fleet simulator's; the clock is pinned so no line is rejected.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VehicleLineParsingBenchmark {
    private VehicleLineParser parser;
    private byte[][] csv;
    private byte[][] json;
    private int next;

    @Setup
    public void setUp() {
        parser = new VehicleLineParser(LineRules.defaults(Clock.fixed(Instant.parse("2020-01-02T00:00:00Z"),
                ZoneOffset.UTC)));
        var lines = Samples.fleetLines();
        csv = Samples.utf8(lines);
        json = new byte[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            json[i] = ("{\"vehicle_id\":\"" + f[0] + "\",\"ts\":\"" + f[1] + "\",\"function\":\"" + f[2]
                    + "\",\"event\":\"" + f[3] + "\",\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public ParseResult csvLine() {
        int i = next++ & (Samples.LINES - 1);
        return parser.parse(csv[i], new RecordOrigin("vehicle.logs.raw", 0, i, 1_577_836_800_000L, "fleet-sim"),
                (long) i);
    }

    @Benchmark
    public ParseResult jsonLine() {
        int i = next++ & (Samples.LINES - 1);
        return parser.parse(json[i], new RecordOrigin("vehicle.logs.raw", 0, i, 1_577_836_800_000L, "fleet-sim"));
    }
}
