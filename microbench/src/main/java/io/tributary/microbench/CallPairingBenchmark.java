package io.tributary.microbench;

import io.tributary.batch.pairing.CallPairer;
import io.tributary.batch.pairing.PairingEvent;
import io.tributary.batch.pairing.PairingResult;
import io.tributary.batch.pairing.PairingState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One micro-batch of one (vehicle, function) group through the Spark job's pairing rules: the events arrive shuffled
 * (the pairer sorts them), calls nest up to three deep, every call closes. The score is per batch; divide by
 * {@code events} for the cost per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallPairingBenchmark {
    @Param({"100", "2000"})
    public int events;

    private final CallPairer pairer = new CallPairer(Duration.ofHours(1));
    private List<PairingEvent> batch;
    private Instant watermark;

    @Setup
    public void setUp() {
        var out = new ArrayList<PairingEvent>(events);
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        long seq = 0;
        int id = 0;
        var random = new Random(42);
        while (out.size() + 6 <= events) {
            int depth = 1 + random.nextInt(3);
            // depth STARTs then depth ENDs: nested calls of the same function (recursion)
            for (int d = 0; d < depth; d++) {
                t = t.plusMillis(1 + random.nextInt(50));
                out.add(event(id++, "START", t, seq++));
            }
            for (int d = 0; d < depth; d++) {
                t = t.plusMillis(1 + random.nextInt(50));
                out.add(event(id++, "END", t, seq++));
            }
        }
        Collections.shuffle(out, random);
        batch = List.copyOf(out);
        watermark = Instant.parse("2019-12-31T23:00:00Z");
    }

    private static PairingEvent event(int id, String type, Instant time, long seq) {
        return new PairingEvent(String.format("%032x", id), "V001", "lidar_fusion", type, time, seq, "fleet-sim",
                "2026-11-21T10:00:00.000Z", null);
    }

    @Benchmark
    public PairingResult pairOneBatch() {
        return pairer.pair(PairingState.EMPTY, batch, watermark);
    }
}
