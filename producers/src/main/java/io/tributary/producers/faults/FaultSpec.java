package io.tributary.producers.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * Which faults a simulator run injects, each at a rate per generated line; same seed, same faults.
 *
 * @param duplicateRate share of lines published twice (the copy right after the original)
 * @param reorderRate   share of lines published up to {@code reorderWindow} lines after their place
 * @param lateRate      share of lines held back until the run's event time passed theirs by {@code lateBy}
 *                      (or until the end of the run, if it spans less)
 * @param malformedRate share of lines followed by an extra malformed line
 */
public record FaultSpec(long seed, double duplicateRate, double reorderRate, int reorderWindow, double lateRate,
                        Duration lateBy, double malformedRate) {
    public FaultSpec {
        Objects.requireNonNull(lateBy, "lateBy");
        for (double rate : new double[] {duplicateRate, reorderRate, lateRate, malformedRate}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("fault rates must be within [0, 1], got " + rate);
            }
        }
        if (duplicateRate + reorderRate + lateRate > 1) {
            throw new IllegalArgumentException("duplicate + reorder + late rates must not exceed 1 (one fault per "
                    + "line), got " + (duplicateRate + reorderRate + lateRate));
        }
        if (reorderWindow < 1) {
            throw new IllegalArgumentException("reorderWindow must be >= 1 line, got " + reorderWindow);
        }
        if (lateBy.isNegative()) {
            throw new IllegalArgumentException("lateBy must not be negative, got " + lateBy);
        }
    }

    public static FaultSpec none() {
        return new FaultSpec(0, 0, 0, 1, 0, Duration.ZERO, 0);
    }

    /** Every fault at the same rate: reordering within 50 lines, late lines held 2 hours of event time. */
    public static FaultSpec everyFaultAt(double rate, long seed) {
        return new FaultSpec(seed, rate, rate, 50, rate, Duration.ofHours(2), rate);
    }

    public FaultSpec withLateBy(Duration newLateBy) {
        return new FaultSpec(seed, duplicateRate, reorderRate, reorderWindow, lateRate, newLateBy, malformedRate);
    }

    public boolean isNone() {
        return duplicateRate == 0 && reorderRate == 0 && lateRate == 0 && malformedRate == 0;
    }
}
