package io.tributary.warehouse;

/**
 * What one {@link Warehouse#loadFunctionCalls} call did.
 *
 * @param table        the target table (unqualified), e.g. {@code log_functions_analysis}
 * @param skipped      true when the batch id was already in the ledger: nothing was written
 * @param rowsUpserted rows inserted or replaced in the target (0 when skipped)
 * @param quarantined  quarantine rows written (0 when skipped)
 */
public record LoadResult(String table, String batchId, boolean skipped, int rowsUpserted, int quarantined) {
}
