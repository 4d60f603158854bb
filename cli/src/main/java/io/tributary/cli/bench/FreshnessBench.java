package io.tributary.cli.bench;

import io.tributary.cli.pipeline.Pipeline;
import io.tributary.stack.LocalStack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --mode freshness}: both simulators publish at a fixed total byte rate for a given time, each line stamped
 * with the moment it is published; once every row is queryable, the latency from event to queryable row is read from
 * the warehouse per table.
 */
final class FreshnessBench {
    private FreshnessBench() {
    }

    /** Line rates per simulator that publish the workload's lines evenly over {@code duration}. */
    static MixedRun.Pace pace(Workload w, Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        return new MixedRun.Pace(w.vehicleEvents() / seconds, w.webLines() / seconds);
    }

    static BenchResult run(PrintStream out, LocalStack stack, Pipeline pipeline, Workload w, int partitions,
                           Duration trigger, Duration timeout, long bytesPerSecond, Duration duration,
                           Instant startedAt) throws InterruptedException {
        MixedRun.Pace pace = pace(w, duration);
        out.printf("Publishing %.2f MB/s for %s (%,.0f vehicle + %,.0f web lines/s), event time = publish time ...%n",
                bytesPerSecond / 1e6, BenchRun.DurationText.of(duration), pace.vehicleLinesPerSecond(),
                pace.webLinesPerSecond());
        BenchRun.Outcome o = BenchRun.execute(out, stack, pipeline, w, pace, partitions, timeout.plus(duration));
        out.printf("Last row queryable %.1f s after the first publish (%s). Reading latencies ...%n", o.seconds(),
                o.correct() ? "warehouse matches the simulators" : "warehouse does NOT match the simulators");
        List<String> tables = new ArrayList<>();
        if (w.vehicleEvents() > 0) {
            tables.add("log_functions_analysis");
        }
        if (w.webLines() > 0) {
            tables.add("web_requests");
            tables.add("web_sessions");
        }
        Map<String, BenchResult.Latency> freshness = FreshnessQuery.read(pipeline.probe(), tables);
        return new BenchResult("freshness", startedAt.toString(), BenchResult.Machine.current(),
                BenchRun.workload(w, o, partitions, trigger, bytesPerSecond / 1e6, duration.toNanos() / 1e9),
                BenchRun.endToEnd(w, o), List.of(), List.of(), BenchRun.processes(o), freshness, List.of());
    }
}
