package io.tributary.events;

/** Header names of a record in {@link Topics#DLQ}. The value is always the original bytes. */
public final class DlqHeaders {
    /** Which stage rejected the record, e.g. {@code stream-processors}. */
    public static final String ERROR_STAGE = "error.stage";
    /** A sentence a person can act on. */
    public static final String ERROR_REASON = "error.reason";
    public static final String SOURCE_TOPIC = "source.topic";
    public static final String SOURCE_PARTITION = "source.partition";
    public static final String SOURCE_OFFSET = "source.offset";

    private DlqHeaders() {
    }
}
