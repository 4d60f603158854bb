package io.tributary.producers.faults;

/**
 * What a run published, by what the stream processors must make of it: {@code published == expectedEvents +
 * expectedDeadLetters + expectedDuplicates}.
 *
 * @param expectedEvents      generated lines (in place, reordered or late): one canonical event each
 * @param expectedDeadLetters injected malformed lines
 * @param expectedDuplicates  second copies of generated lines
 * @param reordered           generated lines published out of place (included in expectedEvents)
 * @param late                generated lines held back (included in expectedEvents)
 */
public record FaultTruth(long published, long expectedEvents, long expectedDeadLetters, long expectedDuplicates,
                         long reordered, long late) {
    public FaultTruth {
        if (published != expectedEvents + expectedDeadLetters + expectedDuplicates) {
            throw new IllegalStateException("published " + published + " != events " + expectedEvents
                    + " + dead letters " + expectedDeadLetters + " + duplicates " + expectedDuplicates);
        }
    }
}
