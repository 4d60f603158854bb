package io.tributary.monitor.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The sliding window of one group's samples on one partition, and when its committed offset last moved. */
final class PartitionHistory {
    private final Deque<OffsetSample> samples = new ArrayDeque<>();
    private Instant committedSince;

    /** Adds {@code sample} and drops samples older than {@code window} (keeping at least the newest two). */
    void add(OffsetSample sample, Duration window) {
        OffsetSample last = samples.peekLast();
        if (last == null || last.committed() != sample.committed()) {
            committedSince = sample.at();
        }
        samples.addLast(sample);
        Instant horizon = sample.at().minus(window);
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(horizon)) {
            samples.removeFirst();
        }
    }

    LagStatus evaluate(boolean hasMembers, Duration window, Instant now) {
        return BurrowRules.evaluate(List.copyOf(samples), committedSince, hasMembers, window, now);
    }
}
