package io.tributary.microbench;

import io.tributary.events.EventType;
import io.tributary.events.VehicleEvent;
import io.tributary.events.VehicleEventJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The canonical vehicle.events JSON of one event (what the stream processor writes per line), and back. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VehicleEventJsonBenchmark {
    private VehicleEvent[] events;
    private byte[][] encoded;
    private int next;

    @Setup
    public void setUp() {
        var lines = Samples.fleetLines();
        events = new VehicleEvent[lines.size()];
        encoded = new byte[lines.size()][];
        Instant ingest = Instant.parse("2026-11-21T10:00:00Z");
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            String[] t = f[1].split("\\.");
            events[i] = new VehicleEvent(String.format("%032x", i), f[0], f[2],
                    f[3].equals("start") ? EventType.START : EventType.END,
                    Instant.ofEpochSecond(Long.parseLong(t[0]), Long.parseLong(t[1]) * 1000), (long) i, "fleet-sim",
                    ingest);
            encoded[i] = VehicleEventJson.encode(events[i]);
        }
    }

    @Benchmark
    public byte[] encode() {
        return VehicleEventJson.encode(events[next++ & (Samples.LINES - 1)]);
    }

    @Benchmark
    public VehicleEvent decode() {
        return VehicleEventJson.decode(encoded[next++ & (Samples.LINES - 1)]);
    }
}
