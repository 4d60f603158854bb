package io.tributary.streams.vehicle;

import io.tributary.streams.common.LineMetrics;

/**
 * Names of the Streams metrics the vehicle topology records, per task: group {@value #GROUP}; the operations are
 * those of {@link LineMetrics} ({@code <operation>-total} and {@code -rate}).
 */
public final class VehicleLogMetrics {
    public static final String SCOPE = "tributary-vehicle-parser";
    public static final String GROUP = "stream-" + SCOPE + "-metrics";
    /** Lines turned into canonical events (duplicates excluded). */
    public static final String PARSED = LineMetrics.PARSED;
    /** Lines written to the DLQ. */
    public static final String DEAD_LETTERED = LineMetrics.DEAD_LETTERED;
    /** CSV header lines skipped. */
    public static final String SKIPPED_HEADERS = LineMetrics.SKIPPED_HEADERS;
    /** Lines dropped as duplicates of an event id seen within the dedupe window. */
    public static final String DUPLICATES = LineMetrics.DUPLICATES;

    private VehicleLogMetrics() {
    }
}
