package io.tributary.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebRequestJsonTest {

    @Test
    void encodesTheContractFieldsAndDecodesBack() {
        var request = new WebRequest("0123456789abcdef0123456789abcdef", Sites.NORTH,
                Instant.parse("2020-01-03T10:00:00.5Z"), "203.0.113.9", "Mozilla/5.0", "GET", "/hotel/123",
                "checkin=2020-01-03", 200, 2326L, "https://hotels-north.example/search",
                123L, Instant.parse("2026-11-21T10:00:00Z"));
        String json = new String(WebRequestJson.encode(request), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"event_id\":\"0123456789abcdef0123456789abcdef\",\"site\":\"hotels-north\","
                + "\"event_time\":\"2020-01-03T10:00:00.500000Z\",\"client_ip\":\"203.0.113.9\","
                + "\"user_agent\":\"Mozilla/5.0\",\"method\":\"GET\",\"path\":\"/hotel/123\","
                + "\"query\":\"checkin=2020-01-03\",\"status\":200,\"bytes\":2326,"
                + "\"referrer\":\"https://hotels-north.example/search\",\"response_ms\":123,"
                + "\"ingest_time\":\"2026-11-21T10:00:00.000000Z\"}");
        assertThat(WebRequestJson.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(request);
    }

    @Test
    void absentOptionalFieldsStayAbsent() {
        var request = new WebRequest("0123456789abcdef0123456789abcdef", Sites.EAST,
                Instant.parse("2020-01-03T10:00:00Z"), "198.51.100.1", null, "HEAD", "/", null, 404, null, null,
                null, Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(WebRequestJson.decode(WebRequestJson.encode(request))).isEqualTo(request);
    }
}
