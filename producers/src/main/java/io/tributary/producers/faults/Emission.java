package io.tributary.producers.faults;

/**
 * One record to publish, after fault injection.
 *
 * @param seq  the line's per-key sequence in generation order (header {@code seq}); null for injected malformed lines
 * @param kind what the stream processors must make of it
 */
public record Emission(String key, String line, Long seq, Kind kind) {
    public enum Kind {
        /** A generated line, in its place: one canonical event. */
        ORIGINAL,
        /** A generated line published a few lines after its place: one canonical event. */
        REORDERED,
        /** A generated line held back by {@link FaultSpec#lateBy()} of event time: one canonical event. */
        LATE,
        /** A second copy of a generated line (same bytes, same seq): one counted duplicate. */
        DUPLICATE,
        /** An extra line that is not valid: one DLQ record. */
        MALFORMED
    }
}
