package io.tributary.batch.pairing;

import java.time.Instant;

/**
 * One landing-zone vehicle event as the pairer sees it. Any field may be null when the input line was malformed;
 * {@link #isWellFormed()} says whether it can take part in pairing.
 *
 * @param eventType {@code START} or {@code END} for a well-formed event
 * @param json      the canonical JSON of the event (or the raw line when it could not be parsed), kept for quarantine
 */
public record PairingEvent(String eventId, String vehicleId, String functionName, String eventType,
                           Instant eventTime, Long seq, String json) {

    public static final String START = "START";
    public static final String END = "END";

    public boolean isWellFormed() {
        return eventId != null && vehicleId != null && functionName != null && eventTime != null
                && (START.equals(eventType) || END.equals(eventType));
    }

    public boolean isStart() {
        return START.equals(eventType);
    }
}
