package io.tributary.batch.pairing;

/** Why an event did not become (part of) a call; {@link #code()} is what the quarantine table stores. */
public enum QuarantineReason {
    /** an END with no open START in its (vehicle, function) group */
    UNMATCHED_END("unmatched_end"),
    /** a START still open when the watermark passed start + pairing.max.call.duration */
    UNMATCHED_START("unmatched_start"),
    /** an event older than the watermark: the calls around it may already be closed */
    LATE("late"),
    /** a landing line without the fields pairing needs (id, vehicle, function, START/END, time) */
    MALFORMED("malformed");

    private final String code;

    QuarantineReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
