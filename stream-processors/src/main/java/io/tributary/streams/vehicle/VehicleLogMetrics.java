package io.tributary.streams.vehicle;

/**
 * Names of the Streams metrics the vehicle topology records, per task: group {@value #GROUP}, metrics
 * {@code <operation>-total} and {@code <operation>-rate} for the operations below.
 */
public final class VehicleLogMetrics {
    public static final String SCOPE = "tributary-vehicle-parser";
    public static final String GROUP = "stream-" + SCOPE + "-metrics";
    /** Lines turned into canonical events. */
    public static final String PARSED = "parsed";
    /** Lines written to the DLQ. */
    public static final String DEAD_LETTERED = "dead-lettered";
    /** CSV header lines skipped. */
    public static final String SKIPPED_HEADERS = "skipped-headers";

    private VehicleLogMetrics() {
    }
}
