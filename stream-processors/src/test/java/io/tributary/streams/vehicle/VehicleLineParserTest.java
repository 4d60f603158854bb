package io.tributary.streams.vehicle;

import io.tributary.events.EventIds;
import io.tributary.events.EventType;
import io.tributary.events.VehicleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class VehicleLineParserTest {
    private static final long KAFKA_TS = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();
    private static final RecordOrigin AT_1042 = new RecordOrigin("vehicle.logs.raw", 2, 1042, KAFKA_TS, null);
    private final VehicleLineParser parser = new VehicleLineParser();

    private ParseResult parse(String line) {
        return parser.parse(line.getBytes(StandardCharsets.UTF_8), AT_1042);
    }

    private static ParseResult parsed(String vehicle, String time, String function, EventType type, Long seq,
                                      String source, String eventId) {
        Instant eventTime = Instant.parse(time);
        String id = eventId != null ? eventId : EventIds.vehicleEventId(vehicle, eventTime, function, type,
                seq != null ? seq.toString() : "vehicle.logs.raw/2/1042");
        return new ParseResult.Parsed(new VehicleEvent(id, vehicle, function, type, eventTime, seq, source,
                Instant.ofEpochMilli(KAFKA_TS)));
    }

    @Test
    void seedCsvLineBecomesACanonicalEventWithAnIdFromItsSourcePosition() {
        assertThat(parse("V42,1577836800.125,lidar_fusion,start")).isEqualTo(parsed("V42",
                "2020-01-01T00:00:00.125Z", "lidar_fusion", EventType.START, null, "vehicle.logs.raw", null));
    }

    @Test
    void csvToleratesAnyEventCaseSpacesAroundFieldsAndACrLfEnding() {
        assertThat(parse(" V42 , 1577836800.000001 , brake_control , END\r\n")).isEqualTo(parsed("V42",
                "2020-01-01T00:00:00.000001Z", "brake_control", EventType.END, null, "vehicle.logs.raw", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vehicle_id,timestamp,function,event", "VEHICLE_ID,TIMESTAMP,FUNCTION,EVENT",
            "vehicle_id, timestamp, function, event\n", "\uFEFFVehicle_id,timestamp,function,event"})
    void csvHeaderLineIsRecognisedInAnyCase(String header) {
        assertThat(parse(header)).isEqualTo(new ParseResult.HeaderLine());
    }

    @Test
    void jsonWithIsoTimestampAndSeqTakesItsIdFromTheSeq() {
        assertThat(parse("{\"vehicle_id\":\"V42\",\"ts\":\"2020-01-01T00:00:00.125Z\",\"function\":\"lidar_fusion\","
                + "\"event\":\"start\",\"seq\":17}")).isEqualTo(parsed("V42", "2020-01-01T00:00:00.125Z",
                "lidar_fusion", EventType.START, 17L, "vehicle.logs.raw", null));
    }

    @Test
    void jsonEpochSecondsAreExactToTheMicrosecondAsNumberOrString() {
        var expected = parsed("V7", "2020-01-01T00:00:00.123457Z", "localization", EventType.END, null,
                "vehicle.logs.raw", null);
        assertThat(parse("{\"vehicle_id\":\"V7\",\"ts\":1577836800.123457,\"function\":\"localization\","
                + "\"event\":\"End\"}")).isEqualTo(expected);
        assertThat(parse("{\"vehicle_id\":\"V7\",\"ts\":\"1577836800.123457\",\"function\":\"localization\","
                + "\"event\":\"end\",\"extra\":[1,2]}")).isEqualTo(expected);
    }

    @Test
    void jsonIsoTimestampWithAnOffsetIsConvertedToUtc() {
        assertThat(parse("{\"vehicle_id\":\"V7\",\"ts\":\"2020-01-01T02:00:00.5+02:00\",\"function\":\"f\","
                + "\"event\":\"start\"}")).isEqualTo(parsed("V7", "2020-01-01T00:00:00.500Z", "f", EventType.START,
                null, "vehicle.logs.raw", null));
    }

    @Test
    void producerEventIdIsKeptInLowerCase() {
        assertThat(parse("{\"vehicle_id\":\"V1\",\"ts\":1577836800,\"function\":\"f\",\"event\":\"start\","
                + "\"event_id\":\"0123456789ABCDEF0123456789abcdef\"}")).isEqualTo(parsed("V1",
                "2020-01-01T00:00:00Z", "f", EventType.START, null, "vehicle.logs.raw",
                "0123456789abcdef0123456789abcdef"));
    }

    @Test
    void sourceHeaderNamesTheSourceWhenPresent() {
        var origin = new RecordOrigin("vehicle.logs.raw", 2, 1042, KAFKA_TS, "fleet-sim");
        var result = parser.parse("V1,1577836800,f,start".getBytes(StandardCharsets.UTF_8), origin);
        assertThat(((ParseResult.Parsed) result).event().source()).isEqualTo("fleet-sim");
    }

    @Test
    void sameRecordReplayedGivesTheSameEventAndOtherPositionsGiveOtherIds() {
        byte[] line = "V1,1577836800,f,start".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(line, AT_1042)).isEqualTo(parser.parse(line, AT_1042));
        var elsewhere = new RecordOrigin("vehicle.logs.raw", 2, 1043, KAFKA_TS, null);
        assertThat(id(parser.parse(line, elsewhere))).isNotEqualTo(id(parser.parse(line, AT_1042)));

        byte[] withSeq = "{\"vehicle_id\":\"V1\",\"ts\":1577836800,\"function\":\"f\",\"event\":\"start\",\"seq\":3}"
                .getBytes(StandardCharsets.UTF_8);
        // a producer re-send at another offset is the same event when it carries a seq
        assertThat(id(parser.parse(withSeq, elsewhere))).isEqualTo(id(parser.parse(withSeq, AT_1042)));
    }

    private static String reason(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) result).reason();
    }

    private static String id(ParseResult result) {
        return ((ParseResult.Parsed) result).event().eventId();
    }

    static Stream<Arguments> badLines() {
        String at = "vehicle.logs.raw[2]@1042";
        String either = "expected a CSV line vehicle_id,timestamp,function,event or a JSON object";
        return Stream.of(
                Arguments.of("", "Empty line in " + at + ": " + either),
                Arguments.of("  \r\n", "Empty line in " + at + ": " + either),
                Arguments.of("V1,1577836800,f", "Expected 4 comma-separated fields vehicle_id,timestamp,function,"
                        + "event but found 3 in " + at + ": 'V1,1577836800,f'"),
                Arguments.of("V1,1577836800,f,start,extra", "Expected 4 comma-separated fields vehicle_id,timestamp,"
                        + "function,event but found 5 in " + at + ": 'V1,1577836800,f,start,extra'"),
                Arguments.of(" ,1577836800,f,start", "Missing vehicle_id in " + at + ": every line must name its vehicle"),
                Arguments.of("V1,1577836800, ,start",
                        "Missing function in " + at + ": every line must name the function it logs"),
                Arguments.of("V1,17x,f,start",
                        "Cannot parse timestamp '17x' in " + at + ": expected epoch seconds or ISO-8601"),
                Arguments.of("V1,-5,f,start",
                        "Cannot parse timestamp '-5' in " + at + ": expected epoch seconds or ISO-8601"),
                Arguments.of("V1,,f,start", "Missing timestamp in " + at + ": expected epoch seconds or ISO-8601"),
                Arguments.of("V1,1577836800,f,begin",
                        "Unknown event 'begin' in " + at + ": expected start or end (any case)"),
                Arguments.of("V1,1577836800,f,", "Missing event in " + at + ": expected start or end"),
                Arguments.of("{\"vehicle_id\":\"V1\",", "Malformed JSON in " + at + " (Unexpected end-of-input within/between Object entries): expected an object with vehicle_id, ts, function, event"),
                Arguments.of("[1,2]", "Expected a JSON object in " + at
                        + " but found array: an object with vehicle_id, ts, function, event"),
                Arguments.of("{\"vehicle_id\":{\"id\":1},\"ts\":1,\"function\":\"f\",\"event\":\"start\"}",
                        "Field vehicle_id in " + at + " is a JSON object: expected a string or number"),
                Arguments.of("{\"ts\":1577836800,\"function\":\"f\",\"event\":\"start\"}",
                        "Missing vehicle_id in " + at + ": every line must name its vehicle"),
                Arguments.of("{\"vehicle_id\":\"V1\",\"function\":\"f\",\"event\":\"start\"}",
                        "Missing timestamp in " + at + ": expected epoch seconds or ISO-8601"),
                Arguments.of("{\"vehicle_id\":\"V1\",\"ts\":\"2020-01-01T00:00:00\",\"function\":\"f\",\"event\":\"start\"}",
                        "Cannot parse timestamp '2020-01-01T00:00:00' in " + at
                                + ": expected epoch seconds or ISO-8601"),
                Arguments.of("{\"vehicle_id\":\"V1\",\"ts\":1577836800,\"function\":\"f\",\"event\":\"start\",\"seq\":1.5}",
                        "Cannot parse seq '1.5' in " + at + ": expected an integer"),
                Arguments.of("{\"vehicle_id\":\"V1\",\"ts\":1577836800,\"function\":\"f\",\"event\":\"start\","
                        + "\"event_id\":\"abc\"}", "Invalid event_id 'abc' in " + at
                        + ": expected 32 hex characters, or no event_id at all"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void badLineIsRejectedWithAReasonNamingTheRecordAndWhatWasExpected(String line, String reason) {
        assertThat(reason(parse(line))).isEqualTo(reason);
    }

    @Test
    void nullValueAndBytesThatAreNotUtf8AreRejected() {
        String either = "expected a CSV line vehicle_id,timestamp,function,event or a JSON object";
        assertThat(parser.parse(null, AT_1042)).isEqualTo(new ParseResult.Rejected("empty",
                "Empty record (null value) in vehicle.logs.raw[2]@1042: " + either));
        assertThat(parser.parse(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}, AT_1042)).isEqualTo(new ParseResult.Rejected(
                "not-utf8", "Record in vehicle.logs.raw[2]@1042 is not UTF-8 text: " + either));
    }

    @Test
    void longValuesAreCutInTheReason() {
        String longTs = "9".repeat(200);
        var result = (ParseResult.Rejected) parse("V1," + longTs + ",f,start");
        assertThat(result.reason()).isEqualTo("Cannot parse timestamp '" + "9".repeat(80)
                + "...' in vehicle.logs.raw[2]@1042: expected epoch seconds or ISO-8601");
    }

    @Test
    void parsesTwoHundredThousandLinesOfEachFormQuickly() {
        int n = 200_000;
        byte[][] csv = new byte[n][];
        byte[][] json = new byte[n][];
        for (int i = 0; i < n; i++) {
            String ts = (1_577_836_800L + i) + "." + String.format("%06d", i % 1_000_000);
            csv[i] = ("V" + (i % 100) + "," + ts + ",lidar_fusion," + (i % 2 == 0 ? "start" : "end"))
                    .getBytes(StandardCharsets.UTF_8);
            json[i] = ("{\"vehicle_id\":\"V" + (i % 100) + "\",\"ts\":" + ts + ",\"function\":\"lidar_fusion\","
                    + "\"event\":\"start\",\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8);
        }
        for (byte[][] lines : new byte[][][] {csv, json, csv, json}) { // first round warms up the JIT
            long started = System.nanoTime();
            long parsed = 0;
            for (int i = 0; i < n; i++) {
                var origin = new RecordOrigin("vehicle.logs.raw", 0, i, KAFKA_TS, null);
                if (parser.parse(lines[i], origin) instanceof ParseResult.Parsed) {
                    parsed++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            LoggerFactory.getLogger(VehicleLineParserTest.class).info("parsed {} {} lines in {} s: {} lines/s",
                    parsed, lines == csv ? "CSV" : "JSON", String.format("%.3f", seconds), Math.round(n / seconds));
            assertThat(parsed).isEqualTo(n);
            assertThat(seconds).isLessThan(20);
        }
    }
}
