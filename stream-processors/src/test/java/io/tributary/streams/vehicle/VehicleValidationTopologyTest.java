package io.tributary.streams.vehicle;

import io.tributary.events.EventTimes;
import io.tributary.events.RawHeaders;
import io.tributary.events.Topics;
import io.tributary.events.VehicleEventJson;
import io.tributary.streams.common.LineRules;
import io.tributary.streams.testing.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every validation rule of the vehicle topology, through the topology, with the exact DLQ reason. */
class VehicleValidationTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String AT = "vehicle.logs.raw[0]@0";
    private static final String EITHER = "expected a CSV line vehicle_id,timestamp,function,event or a JSON object";
    private Driver driver;

    private Driver start(Map<String, String> props) {
        driver = new Driver(builder -> VehicleLogTopology.build(builder, new VehicleTopologyConfig(props),
                Clock.fixed(NOW, ZoneOffset.UTC)), Topics.VEHICLE_LOGS_RAW, Topics.VEHICLE_EVENTS,
                VehicleLogMetrics.GROUP);
        return driver;
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    static Stream<Arguments> badLines() {
        String longName = "V" + "x".repeat(64);
        String longFunction = "f".repeat(129);
        return Stream.of(
                Arguments.of("wrong column count", "V1,1577836800,f", "wrong-field-count",
                        "Expected 4 comma-separated fields vehicle_id,timestamp,function,event but found 3 in " + AT
                                + ": 'V1,1577836800,f'"),
                Arguments.of("unknown event", "V1,1577836800,f,begin", "unknown-event",
                        "Unknown event 'begin' in " + AT + ": expected start or end (any case)"),
                Arguments.of("bad timestamp", "V1,17x,f,start", "bad-timestamp",
                        "Cannot parse timestamp '17x' in " + AT + ": expected epoch seconds or ISO-8601"),
                Arguments.of("timestamp finer than a microsecond", "V1,1577836800.1234567,f,start", "bad-timestamp",
                        "Timestamp '1577836800.1234567' in " + AT + " is finer than a microsecond: at most 6 "
                                + "decimals are kept, exactly"),
                Arguments.of("ISO timestamp finer than a microsecond", "V1,2020-01-01T00:00:00.0000001Z,f,start",
                        "bad-timestamp", "Timestamp '2020-01-01T00:00:00.0000001Z' in " + AT
                                + " is finer than a microsecond: at most 6 decimals are kept, exactly"),
                Arguments.of("timestamp before 2000", "V1,946684799.999999,f,start", "timestamp-out-of-range",
                        "Timestamp '946684799.999999' (1999-12-31T23:59:59.999999Z) in " + AT + " is before "
                                + "2000-01-01T00:00:00Z: check the clock of the device that wrote it "
                                + "(streams.timestamp.min)"),
                Arguments.of("timestamp after now + 5 min", "V1,2026-11-21T10:05:00.000001Z,f,start",
                        "timestamp-out-of-range", "Timestamp '2026-11-21T10:05:00.000001Z' "
                                + "(2026-11-21T10:05:00.000001Z) in " + AT + " is more than 300 s after the processing "
                                + "time 2026-11-21T10:00:00.000000Z: check the clock of the device that wrote it "
                                + "(streams.timestamp.max.future.ms)"),
                Arguments.of("control character in a CSV line", "V1,1577836800,f\u0007,start", "control-character",
                        "Line in " + AT + " contains control character U+0007 at position 16: a record must hold "
                                + "exactly one line of printable text"),
                Arguments.of("two lines in one record (CRLF inside)", "V1,1577836800,f,start\r\nV1,1577836801,f,end",
                        "control-character", "Line in " + AT + " contains control character U+000D at position 22: "
                                + "a record must hold exactly one line of printable text"),
                Arguments.of("escaped control character in a JSON field",
                        "{\"vehicle_id\":\"V\\u0001\",\"ts\":1577836800,\"function\":\"f\",\"event\":\"start\"}",
                        "control-character", "vehicle_id in " + AT + " contains control character U+0001 at "
                                + "position 2: names must be printable text"),
                Arguments.of("over-long vehicle_id", longName + ",1577836800,f,start", "field-too-long",
                        "vehicle_id in " + AT + " is 65 characters long: at most 64 are allowed ('" + longName + "')"),
                Arguments.of("over-long function", "V1,1577836800," + longFunction + ",start", "field-too-long",
                        "function in " + AT + " is 129 characters long: at most 128 are allowed ('"
                                + "f".repeat(80) + "...')"),
                Arguments.of("empty line", "", "empty", "Empty line in " + AT + ": " + EITHER),
                Arguments.of("blank line with CRLF", " \r\n", "empty", "Empty line in " + AT + ": " + EITHER),
                Arguments.of("missing vehicle", ",1577836800,f,start", "missing-field",
                        "Missing vehicle_id in " + AT + ": every line must name its vehicle"),
                Arguments.of("missing function", "V1,1577836800,,start", "missing-field",
                        "Missing function in " + AT + ": every line must name the function it logs"),
                Arguments.of("missing timestamp", "V1,,f,start", "missing-field",
                        "Missing timestamp in " + AT + ": expected epoch seconds or ISO-8601"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void badLineGoesToTheDlqWithItsExactReasonAndIsCountedByRule(String kind, String line, String code,
                                                                 String reason) {
        start(Map.of()).pipe("V1", line, NOW);
        assertThat(driver.deadLetterReasons()).containsExactly(reason);
        assertThat(driver.events()).isEmpty();
        assertThat(driver.counters()).containsEntry("dead-lettered-" + code, 1L).containsEntry("dead-lettered", 1L)
                .containsEntry("received", 1L).containsEntry("parsed", 0L);
    }

    @Test
    void invalidUtf8IsDeadLetteredWithItsOriginalBytes() {
        byte[] bytes = {'V', '1', ',', (byte) 0xc3, (byte) 0x28};
        start(Map.of()).pipe("V1", bytes, NOW, Map.of());
        var letters = driver.deadLetters();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).value()).isEqualTo(bytes);
        assertThat(new String(letters.get(0).headers().lastHeader("error.reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("Record in " + AT + " is not UTF-8 text: " + EITHER);
        assertThat(driver.counters()).containsEntry("dead-lettered-not-utf8", 1L);
    }

    @Test
    void oversizedRecordIsDeadLetteredUnreadAndTheLimitIsConfigurable() {
        start(Map.of(LineRules.MAX_RECORD_BYTES, "100"));
        String line = "V1,1577836800,f,start," + "x".repeat(100);
        driver.pipe("V1", line, NOW);
        assertThat(driver.deadLetterReasons()).containsExactly("Record in " + AT + " is " + line.length()
                + " bytes: at most 100 are allowed (streams.max.record.bytes); one record must hold one log line");
        assertThat(driver.counters()).containsEntry("dead-lettered-oversized", 1L);
    }

    @Test
    void defaultSizeLimitIsSixteenKibibytes() {
        start(Map.of());
        driver.pipe("V1", "V1,1577836800,f,start" + " ".repeat(16 * 1024 - 21), NOW);
        driver.pipe("V1", "V1,1577836800,f,start" + " ".repeat(16 * 1024 - 20), NOW);
        assertThat(driver.events()).hasSize(1);
        assertThat(driver.deadLetterReasons()).containsExactly("Record in vehicle.logs.raw[0]@1 is 16385 bytes: at "
                + "most 16384 are allowed (streams.max.record.bytes); one record must hold one log line");
    }

    @Test
    void headerLineIsSkippedAndCountedNotDeadLettered() {
        start(Map.of()).pipe(null, "Vehicle_id,timestamp,function,event\r\n", NOW);
        assertThat(driver.deadLetterReasons()).isEmpty();
        assertThat(driver.events()).isEmpty();
        assertThat(driver.counters()).containsEntry("skipped-headers", 1L).containsEntry("received", 1L);
    }

    @Test
    void limitsAreInclusiveAndCrLfEndingsAreAccepted() {
        start(Map.of());
        driver.pipe("V1", "V" + "x".repeat(63) + ",1577836800,f,start\r\n", NOW);
        driver.pipe("V1", "V1,1577836800," + "f".repeat(128) + ",END\r\n", NOW);
        driver.pipe("V1", "V1,946684800,f,start", NOW);
        driver.pipe("V1", "V1,2026-11-21T10:05:00Z,f,start", NOW);
        assertThat(driver.deadLetterReasons()).isEmpty();
        assertThat(driver.events()).hasSize(4);
    }

    @Test
    void epochSecondsAreParsedExactlyToTheMicrosecond() {
        start(Map.of());
        // each of these loses its last digit through a double
        for (String ts : List.of("1577836800.999999", "1577836800.000001", "1699999999.123457", "1577836800.1")) {
            driver.pipe("V1", "V1," + ts + ",f,start", NOW);
        }
        assertThat(driver.events()).map(json -> EventTimes.format(
                VehicleEventJson.decode(json.getBytes(StandardCharsets.UTF_8)).eventTime())).containsExactly(
                "2020-01-01T00:00:00.999999Z", "2020-01-01T00:00:00.000001Z", "2023-11-14T22:13:19.123457Z",
                "2020-01-01T00:00:00.100000Z");
    }

    @Test
    void timeRangeIsConfigurable() {
        start(Map.of(LineRules.TIMESTAMP_MIN, "2020-01-01T00:00:00Z", LineRules.TIMESTAMP_MAX_FUTURE_MS, "0"));
        driver.pipe("V1", "V1,1577836799,f,start", NOW);
        driver.pipe("V1", "V1,2026-11-21T10:00:00.000001Z,f,start", NOW);
        driver.pipe("V1", "V1,2026-11-21T10:00:00Z,f,start", NOW);
        assertThat(driver.deadLetterReasons()).hasSize(2).allMatch(r -> r.startsWith("Timestamp '"));
        assertThat(driver.events()).hasSize(1);
    }

    @Test
    void lineResentWithItsSeqIsOneEventAndOneCountedDuplicate() {
        start(Map.of());
        var headers = Map.of(RawHeaders.SOURCE, "fleet-sim", RawHeaders.SEQ, "17");
        byte[] line = "V1,1577836800,f,start".getBytes(StandardCharsets.UTF_8);
        driver.pipe("V1", line, NOW, headers);
        driver.pipe("V1", "V1,1577836801,f,end".getBytes(StandardCharsets.UTF_8), NOW, Map.of(RawHeaders.SEQ, "18"));
        driver.pipe("V1", line, NOW.plusSeconds(5), headers);
        var events = driver.events();
        assertThat(events).hasSize(2);
        var first = VehicleEventJson.decode(events.get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(first.seq()).isEqualTo(17L);
        assertThat(first.source()).isEqualTo("fleet-sim");
        assertThat(driver.counters()).containsEntry("duplicates", 1L).containsEntry("parsed", 2L)
                .containsEntry("received", 3L);
    }

    @Test
    void sameLineWithoutProducerIdentityAtAnotherOffsetIsAnotherEvent() {
        start(Map.of());
        driver.pipe("V1", "V1,1577836800,f,start", NOW);
        driver.pipe("V1", "V1,1577836800,f,start", NOW);
        assertThat(driver.events()).hasSize(2);
        assertThat(driver.counters()).containsEntry("duplicates", 0L);
    }

    @Test
    void producerEventIdRepeatedIsADuplicateWhateverTheSeq() {
        start(Map.of());
        String id = "0123456789abcdef0123456789abcdef";
        driver.pipe("V1", "{\"vehicle_id\":\"V1\",\"ts\":1577836800,\"function\":\"f\",\"event\":\"start\","
                + "\"event_id\":\"" + id + "\",\"seq\":1}", NOW);
        driver.pipe("V1", "{\"vehicle_id\":\"V1\",\"ts\":1577836800,\"function\":\"f\",\"event\":\"start\","
                + "\"event_id\":\"" + id.toUpperCase() + "\",\"seq\":2}", NOW);
        assertThat(driver.events()).hasSize(1);
        assertThat(driver.counters()).containsEntry("duplicates", 1L);
    }

    @Test
    void duplicateOutsideTheWindowIsAnEventAgain() {
        start(Map.of(LineRules.DEDUPE_WINDOW_MS, "60000"));
        byte[] line = "V1,1577836800,f,start".getBytes(StandardCharsets.UTF_8);
        var headers = Map.of(RawHeaders.SEQ, "1");
        driver.pipe("V1", line, NOW, headers);
        driver.pipe("V1", line, NOW.plus(Duration.ofSeconds(59)), headers);
        driver.pipe("V1", line, NOW.plus(Duration.ofSeconds(121)), headers);
        assertThat(driver.events()).hasSize(2);
        assertThat(driver.counters()).containsEntry("duplicates", 1L).containsEntry("parsed", 2L);
    }

    @Test
    void repeatedBadLinesAreEachDeadLettered() {
        start(Map.of());
        var headers = Map.of(RawHeaders.SEQ, "1");
        driver.pipe("V1", "V1,17x,f,start".getBytes(StandardCharsets.UTF_8), NOW, headers);
        driver.pipe("V1", "V1,17x,f,start".getBytes(StandardCharsets.UTF_8), NOW, headers);
        assertThat(driver.deadLetterReasons()).hasSize(2);
    }

    @Test
    void dedupeStoreIsAWindowStoreWithTheConfiguredRetention() {
        var builder = new org.apache.kafka.streams.StreamsBuilder();
        VehicleLogTopology.build(builder, VehicleTopologyConfig.defaults());
        assertThat(builder.build().describe().toString()).contains("stores: [vehicle-dedupe]");
    }
}
