package io.tributary.streams.common;

/** The rule names a rejection carries: metric {@code dead-lettered-<code>} counts each. */
public final class RejectCodes {
    public static final String EMPTY = "empty";
    public static final String NOT_UTF8 = "not-utf8";
    public static final String OVERSIZED = "oversized";
    public static final String CONTROL_CHARACTER = "control-character";
    public static final String WRONG_FIELD_COUNT = "wrong-field-count";
    public static final String MALFORMED = "malformed";
    public static final String MISSING_FIELD = "missing-field";
    public static final String FIELD_TOO_LONG = "field-too-long";
    public static final String BAD_TIMESTAMP = "bad-timestamp";
    public static final String TIMESTAMP_OUT_OF_RANGE = "timestamp-out-of-range";
    public static final String UNKNOWN_EVENT = "unknown-event";
    public static final String BAD_FIELD = "bad-field";

    private RejectCodes() {
    }
}
