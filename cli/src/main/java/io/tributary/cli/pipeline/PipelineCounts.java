package io.tributary.cli.pipeline;

/**
 * Where the data stands along the pipeline. Offsets of the exactly-once topics include transaction markers, so they
 * are positions, not record counts: good for "is it moving" and lag, not for exact totals.
 *
 * @param rawOffsets       log-end offsets of vehicle.logs.raw
 * @param canonicalOffsets read-committed log-end offsets of vehicle.events
 * @param landedOffsets    offsets the S3 sink committed (records durably in S3 lie below them)
 * @param dlqOffsets       read-committed log-end offsets of tributary.dlq
 * @param callsLoaded      rows in log_functions_analysis
 */
public record PipelineCounts(long rawOffsets, long canonicalOffsets, long landedOffsets, long dlqOffsets,
                             long callsLoaded) {

    /** Canonical offsets the sink has not yet landed in S3. */
    public long landingLag() {
        return Math.max(0, canonicalOffsets - landedOffsets);
    }
}
