package io.tributary.warehouse.load;

/**
 * Knobs of the load transaction and its maintenance.
 *
 * @param maxFutureSeconds  the freshness gate fails a batch whose newest event lies further ahead of the warehouse
 *                          clock than this (a producer clock is wrong)
 * @param analyzeEveryBatches ANALYZE a table after every N-th batch loaded into it (and after its first); 0 = never
 * @param vacuumEveryBatches  VACUUM (Redshift) a table after every N-th batch loaded into it; 0 = never
 */
public record LoadPolicy(long maxFutureSeconds, int analyzeEveryBatches, int vacuumEveryBatches) {
    public static final LoadPolicy DEFAULT = new LoadPolicy(3600, 10, 100);
}
