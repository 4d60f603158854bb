package io.tributary.streams.common;

/**
 * What one raw record becomes, whatever its kind (vehicle line, access-log line): a canonical event, a skipped line
 * (a CSV header), or a rejection with a reason a person can act on.
 */
public sealed interface Outcome {

    /**
     * @param key     the output key (vehicle_id, site)
     * @param eventId the event's id: the dedupe key
     * @param value   the canonical JSON
     */
    record Accepted(String key, String eventId, byte[] value) implements Outcome {
    }

    /** A line that is not data (the CSV header): counted, never an error. */
    record Skipped() implements Outcome {
    }

    /**
     * @param code   a short stable name of the rule that failed ({@link RejectCodes}), for the per-reason DLQ metric
     * @param reason a sentence naming the record's location and what was expected; goes to {@code error.reason}
     */
    record Rejected(String code, String reason) implements Outcome {
    }
}
