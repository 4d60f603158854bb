package io.tributary.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;

/** JSON codec of {@link WebRequest}; field names are the contract of DESIGN.md (web.requests). */
public final class WebRequestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebRequestJson() {
    }

    public static byte[] encode(WebRequest request) {
        return new JsonObjectWriter(512)
                .string("event_id", request.eventId())
                .string("site", request.site())
                .time("event_time", request.eventTime())
                .string("client_ip", request.clientIp())
                .string("user_agent", request.userAgent())
                .string("method", request.method())
                .string("path", request.path())
                .string("query", request.query())
                .number("status", (long) request.status())
                .number("bytes", request.bytes())
                .string("referrer", request.referrer())
                .number("response_ms", request.responseMs())
                .time("ingest_time", request.ingestTime())
                .end();
    }

    /** Decodes a canonical web request; throws {@link IllegalArgumentException} naming what is wrong. */
    public static WebRequest decode(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return new WebRequest(
                    text(node, "event_id"),
                    text(node, "site"),
                    EventTimes.parse(text(node, "event_time")),
                    text(node, "client_ip"),
                    optionalText(node, "user_agent"),
                    text(node, "method"),
                    text(node, "path"),
                    optionalText(node, "query"),
                    node.path("status").asInt(),
                    optionalLong(node, "bytes"),
                    optionalText(node, "referrer"),
                    optionalLong(node, "response_ms"),
                    EventTimes.parse(text(node, "ingest_time")));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a canonical web request: "
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

    private static String optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Long optionalLong(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asLong() : null;
    }
}
