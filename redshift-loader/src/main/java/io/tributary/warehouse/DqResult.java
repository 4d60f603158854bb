package io.tributary.warehouse;

/**
 * One data-quality check of one load batch, as stored in {@code tributary_meta.dq_results}.
 *
 * @param observed what was measured: offending rows, or the staged row count, or the freshness lag in seconds
 * @param expected the number the check wanted, where there is one (staged count), else null
 * @param detail   a sample offending key, or a sentence; null when there is nothing to say
 */
public record DqResult(String check, boolean passed, long observed, Long expected, String detail) {
    public String describe() {
        return check + (passed ? " passed" : " FAILED") + " (observed " + observed
                + (expected == null ? "" : ", expected " + expected) + (detail == null ? "" : "; e.g. " + detail) + ")";
    }
}
