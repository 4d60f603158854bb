package io.tributary.streams.web;

import io.tributary.events.EventIds;
import io.tributary.events.RawHeaders;
import io.tributary.events.Topics;
import io.tributary.events.WebRequest;
import io.tributary.events.WebRequestJson;
import io.tributary.streams.common.LineRules;
import io.tributary.streams.testing.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WebLogTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String AT = "web.logs.raw[0]@0";
    private static final String LINE = "203.0.113.9 - - [01/Jan/2020:01:00:00 +0100] \"GET /hotel/123?checkin=2020-01-03"
            + " HTTP/1.1\" 200 2326 \"https://hotels-north.example/search?q=oslo\" \"Mozilla/5.0 (X11; Linux)\"";
    private Driver driver;

    private Driver start(Map<String, String> props) {
        driver = new Driver(builder -> WebLogTopology.build(builder, new WebTopologyConfig(props),
                Clock.fixed(NOW, ZoneOffset.UTC)), Topics.WEB_LOGS_RAW, Topics.WEB_REQUESTS, WebLogTopology.GROUP);
        return driver;
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private static WebRequest decode(String json) {
        return WebRequestJson.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void combinedLogLineBecomesTheCanonicalRequestKeyedBySite() {
        start(Map.of()).pipe("hotels-north", LINE, NOW);
        var records = driver.eventRecords();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("hotels-north");
        String id = EventIds.of("web", "hotels-north", "2020-01-01T00:00:00.000000Z", "203.0.113.9", "GET",
                "/hotel/123?checkin=2020-01-03", 200, "web.logs.raw/0/0");
        assertThat(decode(new String(records.get(0).value(), StandardCharsets.UTF_8))).isEqualTo(new WebRequest(id,
                "hotels-north", Instant.parse("2020-01-01T00:00:00Z"), "203.0.113.9", "Mozilla/5.0 (X11; Linux)",
                "GET", "/hotel/123", "checkin=2020-01-03", 200, 2326L, "https://hotels-north.example/search?q=oslo",
                null, NOW));
    }

    @Test
    void responseTimeDashesAndEscapedQuotesAreRead() {
        start(Map.of()).pipe("hotels-east", "198.51.100.7 - bob [01/Jan/2020:00:00:01 +0000] \"POST /book HTTP/2.0\""
                + " 503 - \"-\" \"curl \\\"x\\\"\" 1.2345", NOW);
        var request = decode(driver.events().get(0));
        assertThat(request.responseMs()).isEqualTo(1235L);
        assertThat(request.bytes()).isNull();
        assertThat(request.referrer()).isNull();
        assertThat(request.userAgent()).isEqualTo("curl \"x\"");
        assertThat(request.query()).isNull();
        assertThat(request.status()).isEqualTo(503);
    }

    static Stream<Arguments> badLines() {
        String form = "Combined Log Format: IP - user [10/Oct/2000:13:55:36 -0700] \"GET /path HTTP/1.1\" status bytes"
                + " \"referrer\" \"user-agent\" [response-seconds]";
        return Stream.of(
                Arguments.of("hotels-north", "not a log line", "malformed",
                        "Line in " + AT + " is not in Combined Log Format: 'not a log line'; expected " + form),
                Arguments.of("hotels-north", LINE.replace("01/Jan/2020:01:00:00", "41/Jan/2020:01:00:00"),
                        "bad-timestamp", "Cannot parse time '[41/Jan/2020:01:00:00 +0100]' in " + AT + ": expected "
                                + "[dd/MMM/yyyy:HH:mm:ss +zzzz], e.g. [10/Oct/2000:13:55:36 -0700]"),
                Arguments.of("hotels-north", LINE.replace("01/Jan/2020", "01/Jan/1999"), "timestamp-out-of-range",
                        "Timestamp '01/Jan/1999:01:00:00 +0100' (1999-01-01T00:00:00.000000Z) in " + AT
                                + " is before 2000-01-01T00:00:00Z: check the clock of the device that wrote it "
                                + "(streams.timestamp.min)"),
                Arguments.of("hotels-north", LINE.replace("\"GET /hotel/123?checkin=2020-01-03 HTTP/1.1\"", "\"-\""),
                        "bad-field", "Request '-' in " + AT + " is not 'METHOD target PROTOCOL', e.g. "
                                + "'GET /hotel/12 HTTP/1.1'"),
                Arguments.of("hotels-north", LINE.replace(" 200 ", " 999 "), "bad-field",
                        "Status 999 in " + AT + " is not an HTTP status: expected 100 to 599"),
                Arguments.of(null, LINE, "missing-field", "Missing site in " + AT + ": the record key must name the "
                        + "site that wrote the line (e.g. hotels-north)"),
                Arguments.of("hotels\u0000north", LINE, "control-character", "site in " + AT
                        + " contains control character U+0000 at position 7: names must be printable text"),
                Arguments.of("hotels-north", LINE.replace("Linux", "Li\tnux"), "control-character", "Line in " + AT
                        + " contains control character U+0009 at position " + (LINE.indexOf("Linux") + 3) + ": a record must hold exactly one line "
                        + "of printable text"),
                Arguments.of("hotels-north", "", "empty", "Empty line in " + AT + ": expected a " + form));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void badLineGoesToTheDlqWithItsExactReason(String site, String line, String code, String reason) {
        start(Map.of()).pipe(site, line, NOW);
        assertThat(driver.deadLetterReasons()).containsExactly(reason);
        assertThat(driver.counters()).containsEntry("dead-lettered-" + code, 1L);
    }

    @Test
    void invalidUtf8AndOversizedRecordsAreDeadLettered() {
        start(Map.of(LineRules.MAX_RECORD_BYTES, "200"));
        driver.pipe("hotels-north", new byte[] {(byte) 0xff, 'a'}, NOW, Map.of());
        driver.pipe("hotels-north", (LINE + " " + "x".repeat(200)).getBytes(StandardCharsets.UTF_8), NOW, Map.of());
        assertThat(driver.deadLetterReasons()).containsExactly(
                "Record in web.logs.raw[0]@0 is not UTF-8 text: expected a Combined Log Format: IP - user "
                        + "[10/Oct/2000:13:55:36 -0700] \"GET /path HTTP/1.1\" status bytes \"referrer\" "
                        + "\"user-agent\" [response-seconds]",
                "Record in web.logs.raw[0]@1 is " + (LINE.length() + 201) + " bytes: at most 200 are allowed (streams.max.record.bytes); one "
                        + "record must hold one log line");
    }

    @Test
    void identicalLinesAreDistinctRequestsUnlessResentWithTheSameSeq() {
        start(Map.of());
        driver.pipe("hotels-north", LINE, NOW);
        driver.pipe("hotels-north", LINE, NOW);
        var seq = Map.of(RawHeaders.SOURCE, "web-sim", RawHeaders.SEQ, "7");
        driver.pipe("hotels-north", LINE.getBytes(StandardCharsets.UTF_8), NOW, seq);
        driver.pipe("hotels-north", LINE.getBytes(StandardCharsets.UTF_8), NOW, seq);
        assertThat(driver.events()).hasSize(3);
        assertThat(driver.counters()).containsEntry("duplicates", 1L).containsEntry("parsed", 3L)
                .containsEntry("received", 4L);
    }
}
