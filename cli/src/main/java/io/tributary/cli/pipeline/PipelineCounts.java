package io.tributary.cli.pipeline;

/**
 * Where the data stands along the pipeline, for progress lines and "is it moving" checks.
 *
 * @param parsed             raw lines the Streams app turned into canonical events (processed, maybe not yet committed)
 * @param deadLettered       raw lines the Streams app sent to the dead-letter topic
 * @param canonicalEndOffset read-committed log-end offsets of vehicle.events, summed over partitions
 * @param landedOffset       offsets the S3 sink committed on vehicle.events, summed: everything below is in S3
 * @param callsLoaded        rows in log_functions_analysis (or, from {@link Pipeline#counts(boolean)} without
 *                           exact rows, rows upserted according to the load ledger)
 * @param web                the same along the web path
 */
public record PipelineCounts(long parsed, long deadLettered, long canonicalEndOffset, long landedOffset,
                             long callsLoaded, Web web) {

    /**
     * The web path: web.logs.raw → web.requests → landing/web.requests → web_requests.
     *
     * @param parsed          raw access-log lines turned into canonical requests
     * @param deadLettered    raw lines sent to the dead-letter topic
     * @param duplicates      raw lines dropped as counted duplicates of an earlier event id
     * @param endOffset       read-committed log-end offsets of web.requests, summed
     * @param landedOffset    offsets the web S3 sink committed on web.requests, summed
     * @param requestsLoaded  rows in web_requests (or rows upserted per the ledger, as for calls)
     */
    public record Web(long parsed, long deadLettered, long duplicates, long endOffset, long landedOffset,
                      long requestsLoaded) {
        /** Raw lines the web topology has accounted for. */
        public long handled() {
            return parsed + deadLettered + duplicates;
        }

        public long landingLag() {
            return Math.max(0, endOffset - landedOffset);
        }

        public double landedPercent() {
            return endOffset == 0 ? 100.0 : 100.0 * Math.min(landedOffset, endOffset) / endOffset;
        }
    }

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

    /** Share of both canonical topics' positions landed in S3, 0-100. */
    public double allLandedPercent() {
        long end = canonicalEndOffset + web.endOffset();
        long landed = Math.min(landedOffset, canonicalEndOffset) + Math.min(web.landedOffset(), web.endOffset());
        return end == 0 ? 100.0 : 100.0 * landed / end;
    }
}
