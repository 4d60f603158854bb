package io.tributary.cli.pipeline;

/**
 * Where the data stands along the pipeline, for progress lines and "is it moving" checks.
 *
 * @param parsed             raw lines the Streams app turned into canonical events (processed, maybe not yet committed)
 * @param deadLettered       raw lines the Streams app sent to the dead-letter topic
 * @param canonicalEndOffset read-committed log-end offsets of vehicle.events, summed over partitions
 * @param landedOffset       offsets the S3 sink committed on vehicle.events, summed: everything below is in S3
 * @param callsLoaded        rows in log_functions_analysis
 */
public record PipelineCounts(long parsed, long deadLettered, long canonicalEndOffset, long landedOffset,
                             long callsLoaded) {

    /**
     * Offsets of vehicle.events not yet landed in S3. Offsets of an exactly-once topic include transaction markers,
     * so this is a position gap, not a record count; it is 0 exactly when everything committed is landed.
     */
    public long landingLag() {
        return Math.max(0, canonicalEndOffset - landedOffset);
    }

    /** Share of vehicle.events positions landed in S3, 0-100. */
    public double landedPercent() {
        return canonicalEndOffset == 0 ? 100.0 : 100.0 * Math.min(landedOffset, canonicalEndOffset) / canonicalEndOffset;
    }
}
