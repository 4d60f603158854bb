package io.tributary.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;

/** JSON codec of {@link VehicleEvent}; field names and time format are the contract of DESIGN.md. */
public final class VehicleEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VehicleEventJson() {
    }

    public static byte[] encode(VehicleEvent event) {
        return new JsonObjectWriter(256)
                .string("event_id", event.eventId())
                .string("vehicle_id", event.vehicleId())
                .string("function_name", event.functionName())
                .string("event_type", event.eventType().name())
                .time("event_time", event.eventTime())
                .number("seq", event.seq())
                .string("source", event.source())
                .time("ingest_time", event.ingestTime())
                .end();
    }

    /** Decodes a canonical event; throws {@link IllegalArgumentException} naming what is wrong. */
    public static VehicleEvent decode(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return new VehicleEvent(
                    text(node, "event_id"),
                    text(node, "vehicle_id"),
                    text(node, "function_name"),
                    EventType.valueOf(text(node, "event_type")),
                    EventTimes.parse(text(node, "event_time")),
                    node.hasNonNull("seq") ? node.get("seq").asLong() : null,
                    node.hasNonNull("source") ? node.get("source").asText() : null,
                    EventTimes.parse(text(node, "ingest_time")));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a canonical vehicle event: "
                    + new String(json, StandardCharsets.UTF_8) + " (" + e.getMessage() + ")", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.asText();
    }
}
