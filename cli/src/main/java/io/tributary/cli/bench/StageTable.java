package io.tributary.cli.bench;

import java.util.ArrayList;
import java.util.List;

/** Builds the per-stage rows: each stage's completion time from the first publish, its throughput and baseline ratio. */
final class StageTable {
    /** What a stage is compared with: one baseline, or several no-logic steps in a row (their times add up). */
    record Reference(String name, double mbPerS) {
        static Reference of(BenchResult.Baseline baseline) {
            return baseline == null ? null : new Reference(baseline.name(), baseline.mbPerS());
        }

        /**
         * The steps done one after the other on {@code rawBytes} of lines: the time is the sum of each step's time
         * at its own rate. Null when a step is missing.
         */
        static Reference serial(String name, long rawBytes, BenchResult.Baseline... steps) {
            double seconds = 0;
            for (var step : steps) {
                if (step == null || !(step.mbPerS() > 0)) {
                    return null;
                }
                seconds += rawBytes / 1e6 / step.mbPerS();
            }
            return seconds > 0 ? new Reference(name, rawBytes / 1e6 / seconds) : null;
        }
    }

    private final long startNanos;
    private final long rawBytes;
    private final long events;
    private final List<BenchResult.Stage> stages = new ArrayList<>();
    private double previousSeconds;

    StageTable(long startNanos, long rawBytes, long events) {
        this.startNanos = startNanos;
        this.rawBytes = rawBytes;
        this.events = events;
    }

    StageTable add(String name, String doneWhen, long doneNanos, BenchResult.Baseline baseline) {
        return add(name, doneWhen, doneNanos, rawBytes, events, Reference.of(baseline));
    }

    /** A stage over part of the workload ({@code bytes} raw bytes, {@code lines} lines), e.g. one table. */
    StageTable add(String name, String doneWhen, long doneNanos, long bytes, long lines, Reference reference) {
        double seconds = Math.max(1e-9, (doneNanos - startNanos) / 1e9);
        double mbPerS = bytes / 1e6 / seconds;
        Double baselineMbPerS = reference == null ? null : reference.mbPerS();
        stages.add(new BenchResult.Stage(name, doneWhen, seconds, Math.max(0, seconds - previousSeconds), mbPerS,
                lines / seconds, reference == null ? null : reference.name(), baselineMbPerS,
                BenchResult.ratio(mbPerS, baselineMbPerS)));
        previousSeconds = Math.max(previousSeconds, seconds);
        return this;
    }

    List<BenchResult.Stage> stages() {
        return List.copyOf(stages);
    }
}
