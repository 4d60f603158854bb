package io.tributary.batch.job;

import io.tributary.warehouse.LoadResult;

/**
 * What one micro-batch did, for the progress log and for callers of {@link BatchJob#run()}.
 *
 * @param loadBatchId {@code <query id>-<spark batch id>}: the warehouse ledger key and the lake file-name stem
 * @param inputEvents landing rows the batch read (calls, quarantined, duplicates and open STARTs come from them)
 */
public record BatchOutcome(long sparkBatchId, String loadBatchId, int inputEvents, int calls, int quarantined,
                           int duplicates, LoadResult load, long pairingMs, long lakeMs, long warehouseMs) {
    public long totalMs() {
        return pairingMs + lakeMs + warehouseMs;
    }
}
