package io.tributary.monitor.warehouse;

import java.time.Instant;

/**
 * How fresh one warehouse table is.
 *
 * @param newestEventTime  newest event time loaded (null when the table is empty)
 * @param freshnessSeconds now minus {@code newestEventTime} (NaN when empty)
 * @param latencyP50Seconds event-to-queryable latency (loaded_at - event time) of the rows of the last batches
 * @param lastBatchId      the newest ledger entry (null when none) with its rows and quarantined counts
 */
public record TableFreshness(String table, Instant newestEventTime, double freshnessSeconds,
                             double latencyP50Seconds, double latencyP95Seconds, String lastBatchId,
                             long lastBatchRows, long lastBatchQuarantined, Instant lastBatchLoadedAt,
                             long rowsLoadedTotal) {
}
