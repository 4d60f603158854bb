package io.tributary.warehouse;

/**
 * A staged batch failed a data-quality gate. The load transaction was rolled back: no target rows, no quarantine
 * rows and no ledger row were written, so the same batch id can be loaded again once the data is fixed.
 */
public final class DataQualityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String gate;
    private final String batchId;
    private final String sampleKey;

    public DataQualityException(String gate, String batchId, String sampleKey) {
        super("Data-quality gate '" + gate + "' failed for batch " + batchId + " (e.g. " + sampleKey
                + "); the load was rolled back, nothing was written. Fix the staged rows and load the batch again.");
        this.gate = gate;
        this.batchId = batchId;
        this.sampleKey = sampleKey;
    }

    /** The gate name, e.g. {@code end_not_before_start}. */
    public String gate() {
        return gate;
    }

    public String batchId() {
        return batchId;
    }

    /** One offending row's key columns, e.g. {@code call_id=abc, vehicle_id=V1, function_name=f, start_time=…}. */
    public String sampleKey() {
        return sampleKey;
    }
}
