package io.tributary.batch.job;

import io.tributary.warehouse.LoadResult;

/**
 * What one micro-batch did, for the progress log and for callers of {@link BatchJob#run()}.
 *
 * @param loadBatchId {@code <query id>-<spark batch id>}: the warehouse ledger key and the lake file-name stem
 * @param inputEvents landing rows the batch read (calls, quarantined, duplicates and open STARTs come from them)
 * @param calls       calls written to the warehouse (new or changed, final or provisional)
 * @param finalCalls  calls that became final (written to the processed zone)
 * @param retracted   provisional calls deleted because re-pairing removed them
 * @param pairingMs   reading, pairing and collecting what the loader needs
 * @param lakeMs      writing staging and processed parquet
 * @param warehouseMs the warehouse transaction; on PostgreSQL it runs while the lake is written, so
 *                    {@code totalMs} can be less than the sum
 */
public record BatchOutcome(long sparkBatchId, String loadBatchId, int inputEvents, int calls, int finalCalls,
                           int retracted, int quarantined,
                           int duplicates, LoadResult load, long pairingMs, long lakeMs, long warehouseMs,
                           long totalMs) {
}
