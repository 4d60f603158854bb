package io.tributary.cli.bench;

import java.util.ArrayList;
import java.util.List;

/** Builds the per-stage rows: each stage's completion time from the first publish, its throughput and baseline ratio. */
final class StageTable {
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
        double seconds = Math.max(1e-9, (doneNanos - startNanos) / 1e9);
        double mbPerS = rawBytes / 1e6 / seconds;
        Double baselineMbPerS = baseline == null ? null : baseline.mbPerS();
        stages.add(new BenchResult.Stage(name, doneWhen, seconds, Math.max(0, seconds - previousSeconds), mbPerS,
                events / seconds, baseline == null ? null : baseline.name(), baselineMbPerS,
                BenchResult.ratio(mbPerS, baselineMbPerS)));
        previousSeconds = Math.max(previousSeconds, seconds);
        return this;
    }

    List<BenchResult.Stage> stages() {
        return List.copyOf(stages);
    }
}
