package io.tributary.warehouse;

import java.util.List;

/**
 * A staged batch failed a data-quality gate. The load transaction was rolled back: no target rows, no quarantine
 * rows, no dimension rows and no ledger row were written (only the check results, in
 * {@code tributary_meta.dq_results}), so the same batch id can be loaded again once the data is fixed.
 */
public final class DataQualityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String gate;
    private final String batchId;
    private final String sampleKey;
    private final transient List<DqResult> results;

    public DataQualityException(String gate, String batchId, String sampleKey) {
        this(batchId, List.of(new DqResult(gate, false, 1, null, sampleKey)));
    }

    /** @param results every check run for the batch, at least one of them failed */
    public DataQualityException(String batchId, List<DqResult> results) {
        super(message(batchId, results));
        DqResult failed = results.stream().filter(r -> !r.passed()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no failed check among " + results));
        this.gate = failed.check();
        this.batchId = batchId;
        this.sampleKey = failed.detail();
        this.results = List.copyOf(results);
    }

    private static String message(String batchId, List<DqResult> results) {
        var failed = results.stream().filter(r -> !r.passed()).map(DqResult::describe).toList();
        return "Data-quality gate(s) failed for batch " + batchId + ": " + String.join("; ", failed)
                + ". The load was rolled back, nothing was written. Fix the staged rows and load the batch again.";
    }

    /** The first failed gate's name, e.g. {@code end_not_before_start}. */
    public String gate() {
        return gate;
    }

    public String batchId() {
        return batchId;
    }

    /** One offending row's key columns of the first failed gate, e.g. {@code call_id=abc, vehicle_id=V1, …}. */
    public String sampleKey() {
        return sampleKey;
    }

    /** Every check of the batch with what it measured. */
    public List<DqResult> results() {
        return results == null ? List.of() : results;
    }
}
