package io.tributary.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** JSON codec of {@link VehicleEvent}; field names and time format are the contract of DESIGN.md. */
public final class VehicleEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VehicleEventJson() {
    }

    public static byte[] encode(VehicleEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("event_id", event.eventId());
        node.put("vehicle_id", event.vehicleId());
        node.put("function_name", event.functionName());
        node.put("event_type", event.eventType().name());
        node.put("event_time", EventTimes.format(event.eventTime()));
        if (event.seq() == null) {
            node.putNull("seq");
        } else {
            node.put("seq", event.seq());
        }
        if (event.source() == null) {
            node.putNull("source");
        } else {
            node.put("source", event.source());
        }
        node.put("ingest_time", EventTimes.format(event.ingestTime()));
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + event.eventId(), e);
        }
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
