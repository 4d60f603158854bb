package io.tributary.batch.pairing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.events.EventTimes;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One landing-zone vehicle event as the pairer sees it. Any field may be null when the input line was malformed;
 * {@link #isWellFormed()} says whether it can take part in pairing.
 *
 * <p>The event's JSON is not carried along: pairing state holds thousands of pending events per group and rewrites
 * them every micro-batch, so only quarantine, which is rare, rebuilds it ({@link #json()}).
 *
 * @param eventType  {@code START} or {@code END} for a well-formed event
 * @param source     the canonical event's {@code source}, kept for the quarantined JSON
 * @param ingestTime the canonical event's {@code ingest_time} as landed (text), kept for the quarantined JSON
 * @param raw        the landed line when it could not be parsed as JSON at all, else null
 */
public record PairingEvent(String eventId, String vehicleId, String functionName, String eventType,
                           Instant eventTime, Long seq, String source, String ingestTime, String raw) {

    public static final String START = "START";
    public static final String END = "END";
    private static final JsonFactory JSON = new JsonFactory();

    /** An event from a line that is not JSON: only the text is known. */
    public static PairingEvent unparseable(String line) {
        return new PairingEvent(null, null, null, null, null, null, null, null, line);
    }

    public boolean isWellFormed() {
        return eventId != null && vehicleId != null && functionName != null && eventTime != null
                && (START.equals(eventType) || END.equals(eventType));
    }

    public boolean isStart() {
        return START.equals(eventType);
    }

    /** The landed line for an unparseable event, else the event as canonical JSON (nulls kept as nulls). */
    public String json() {
        if (raw != null) {
            return raw;
        }
        return jsonWithEventTime(eventTime == null ? null : EventTimes.format(eventTime));
    }

    /** The canonical JSON with {@code event_time} as given: the landed text of a time that could not be read. */
    public String jsonWithEventTime(String eventTimeText) {
        var text = new StringWriter(256);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("event_id", eventId);
            out.writeStringField("vehicle_id", vehicleId);
            out.writeStringField("function_name", functionName);
            out.writeStringField("event_type", eventType);
            out.writeStringField("event_time", eventTimeText);
            if (seq == null) {
                out.writeNullField("seq");
            } else {
                out.writeNumberField("seq", seq);
            }
            out.writeStringField("source", source);
            out.writeStringField("ingest_time", ingestTime);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event " + eventId + " as JSON", e);
        }
        return text.toString();
    }
}
