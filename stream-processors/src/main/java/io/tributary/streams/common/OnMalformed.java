package io.tributary.streams.common;

/** What happens to a line that is not a valid event. */
public enum OnMalformed {
    /** Write the original bytes with the reason to the DLQ and go on (nothing is dropped silently). */
    DLQ,
    /** Stop the application at the first bad line, for pipelines where bad input means a broken producer. */
    FAIL
}
