package io.tributary.microbench;

import io.tributary.events.EventIds;
import io.tributary.events.EventType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** event_id = 128-bit hash of (vehicle_id, event_time, function_name, event_type, seq), as the stream processor does. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventIdBenchmark {
    private String[] vehicles;
    private Instant[] times;
    private String[] functions;
    private int next;

    @Setup
    public void setUp() {
        var lines = Samples.fleetLines();
        vehicles = new String[lines.size()];
        times = new Instant[lines.size()];
        functions = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            vehicles[i] = f[0];
            String[] t = f[1].split("\\.");
            times[i] = Instant.ofEpochSecond(Long.parseLong(t[0]), Long.parseLong(t[1]) * 1000);
            functions[i] = f[2];
        }
    }

    @Benchmark
    public String vehicleEventId() {
        int i = next++ & (Samples.LINES - 1);
        return EventIds.vehicleEventId(vehicles[i], times[i], functions[i], (i & 1) == 0 ? EventType.START
                : EventType.END, Long.toString(i));
    }
}
