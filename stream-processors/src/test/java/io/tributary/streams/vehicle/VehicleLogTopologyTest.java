package io.tributary.streams.vehicle;

import io.tributary.events.DlqHeaders;
import io.tributary.events.EventIds;
import io.tributary.events.EventType;
import io.tributary.events.Topics;
import io.tributary.events.VehicleEvent;
import io.tributary.events.VehicleEventJson;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VehicleLogTopologyTest {
    private static final Instant INGEST = Instant.parse("2026-11-21T10:00:00Z");
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, byte[]> events;
    private TestOutputTopic<String, byte[]> dlq;

    /** What a test compares: key, value as text, headers as (name, text) pairs, timestamp. */
    record Out(String key, String value, List<Map.Entry<String, String>> headers, Instant timestamp) {
        static Out of(TestRecord<String, byte[]> record) {
            return new Out(record.key(), record.value() == null ? null
                    : new String(record.value(), StandardCharsets.UTF_8),
                    Arrays.stream(record.headers().toArray())
                            .map(h -> Map.entry(h.key(), new String(h.value(), StandardCharsets.UTF_8))).toList(),
                    record.getRecordTime());
        }
    }

    private void start(Map<String, String> topologyProps) {
        var builder = new StreamsBuilder();
        VehicleLogTopology.build(builder, new VehicleTopologyConfig(topologyProps));
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "vehicle-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        raw = driver.createInputTopic(Topics.VEHICLE_LOGS_RAW, new StringSerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(Topics.VEHICLE_EVENTS, new StringDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(Topics.DLQ, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void pipe(String key, String line, Header... headers) {
        raw.pipeInput(new TestRecord<>(key, line == null ? null : line.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(headers), INGEST));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Out event(long offset, String vehicle, String time, String function, EventType type, Long seq,
                             String source) {
        Instant eventTime = Instant.parse(time);
        String id = EventIds.vehicleEventId(vehicle, eventTime, function, type,
                seq != null ? seq.toString() : "vehicle.logs.raw/0/" + offset);
        var event = new VehicleEvent(id, vehicle, function, type, eventTime, seq, source, INGEST);
        return new Out(vehicle, new String(VehicleEventJson.encode(event), StandardCharsets.UTF_8), List.of(), INGEST);
    }

    private static Out deadLetter(long offset, String key, String line, String reason, Map.Entry<String, String>... extra) {
        var headers = new java.util.ArrayList<Map.Entry<String, String>>(List.of(extra));
        headers.addAll(List.of(
                Map.entry(DlqHeaders.ERROR_STAGE, "stream-processors"),
                Map.entry(DlqHeaders.ERROR_REASON, reason),
                Map.entry(DlqHeaders.SOURCE_TOPIC, Topics.VEHICLE_LOGS_RAW),
                Map.entry(DlqHeaders.SOURCE_PARTITION, "0"),
                Map.entry(DlqHeaders.SOURCE_OFFSET, Long.toString(offset))));
        return new Out(key, line, headers, INGEST);
    }

    @Test
    void mixedInputEndsAsExactlyTheCanonicalEventsAndDeadLettersExpected() {
        start(Map.of());
        pipe(null, "Vehicle_id,timestamp,function,event");                                   // 0 header
        pipe("V001", "V001,1577836800.125,lidar_fusion,start", header("source", "fleet-sim")); // 1
        pipe("V001", "V001,1577836800.250000,lidar_fusion,END", header("source", "fleet-sim")); // 2
        pipe("V002", "{\"vehicle_id\":\"V002\",\"ts\":\"2020-01-01T00:00:01Z\",\"function\":\"path_planning\","
                + "\"event\":\"start\",\"seq\":17}");                                         // 3
        pipe("V002", "V002,17x,path_planning,end", header("source", "shipper"));               // 4
        pipe("V003", "V003,1577836802,brake_control");                                        // 5
        pipe("V004", null);                                                                  // 6
        pipe("wrong-key", "V005,1577836803.5,localization,start");                            // 7 re-keyed

        assertThat(events.readRecordsToList()).map(Out::of).containsExactly(
                event(1, "V001", "2020-01-01T00:00:00.125Z", "lidar_fusion", EventType.START, null, "fleet-sim"),
                event(2, "V001", "2020-01-01T00:00:00.250Z", "lidar_fusion", EventType.END, null, "fleet-sim"),
                event(3, "V002", "2020-01-01T00:00:01Z", "path_planning", EventType.START, 17L, "vehicle.logs.raw"),
                event(7, "V005", "2020-01-01T00:00:03.500Z", "localization", EventType.START, null,
                        "vehicle.logs.raw"));
        assertThat(dlq.readRecordsToList()).map(Out::of).containsExactly(
                deadLetter(4, "V002", "V002,17x,path_planning,end",
                        "Cannot parse timestamp '17x' in vehicle.logs.raw[0]@4: expected epoch seconds or ISO-8601",
                        Map.entry("source", "shipper")),
                deadLetter(5, "V003", "V003,1577836802,brake_control",
                        "Expected 4 comma-separated fields vehicle_id,timestamp,function,event but found 3 in "
                                + "vehicle.logs.raw[0]@5: 'V003,1577836802,brake_control'"),
                deadLetter(6, "V004", null, "Empty record (null value) in vehicle.logs.raw[0]@6: expected a CSV "
                        + "line vehicle_id,timestamp,function,event or a JSON object"));
        assertThat(counters()).isEqualTo(Map.of("received", 8L, VehicleLogMetrics.PARSED, 4L,
                VehicleLogMetrics.DEAD_LETTERED, 3L, VehicleLogMetrics.SKIPPED_HEADERS, 1L,
                VehicleLogMetrics.DUPLICATES, 0L, "dead-lettered-bad-timestamp", 1L,
                "dead-lettered-wrong-field-count", 1L, "dead-lettered-empty", 1L));
    }

    @Test
    void deadLetterKeepsTheOriginalBytesExactly() {
        start(Map.of());
        byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28, ',', '1'};
        raw.pipeInput(new TestRecord<>("V9", notUtf8, new RecordHeaders(), INGEST));

        var records = dlq.readRecordsToList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).isEqualTo(notUtf8);
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void configuredTopicsAreUsed() {
        var builder = new StreamsBuilder();
        VehicleLogTopology.build(builder, new VehicleTopologyConfig(Map.of(
                VehicleTopologyConfig.RAW_TOPIC, "in", VehicleTopologyConfig.EVENTS_TOPIC, "out",
                VehicleTopologyConfig.DLQ_TOPIC, "bad")));
        assertThat(builder.build().describe().toString())
                .contains("topics: [in]", "topic: out", "topic: bad");
    }

    @Test
    void countsRatesAndLagAreStreamsMetricsTaggedWithTheThreadAndTask() {
        start(Map.of());
        pipe("V1", "V1,1577836800,f,start");
        pipe("V1", "V1,17x,f,end");

        var metrics = driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(VehicleLogMetrics.GROUP)).toList();
        assertThat(metrics).extracting(e -> e.getKey().name()).contains("received-total", "received-rate",
                "parsed-total", "parsed-rate", "dead-lettered-total", "dead-lettered-bad-timestamp-total",
                "dead-lettered-bad-timestamp-rate", "duplicates-total", "skipped-headers-total",
                "processing-lag-latency-avg", "processing-lag-latency-max", "processing-lag-total");
        assertThat(metrics).allSatisfy(e -> assertThat(e.getKey().tags())
                .containsEntry(VehicleLogMetrics.SCOPE + "-id", "0_0").containsKey("thread-id"));
        // INGEST is in the past: the first line's lag (now - INGEST) is published with it
        double lagMax = metrics.stream().filter(e -> e.getKey().name().equals("processing-lag-latency-max"))
                .mapToDouble(e -> (Double) e.getValue().metricValue()).findFirst().orElseThrow();
        assertThat(lagMax).isGreaterThan(Instant.now().toEpochMilli() - INGEST.toEpochMilli() - 60_000);
    }

    @Test
    void failPolicyStopsAtTheFirstBadLineNamingIt() {
        start(Map.of(VehicleTopologyConfig.ON_MALFORMED, "fail"));
        pipe("V1", "V1,1577836800,f,start");
        assertThatThrownBy(() -> pipe("V1", "V1,1577836800,f,begin"))
                .isInstanceOf(StreamsException.class)
                .hasStackTraceContaining("Unknown event 'begin' in vehicle.logs.raw[0]@1");
        assertThat(dlq.isEmpty()).isTrue();
    }

    private Map<String, Long> counters() {
        var totals = new java.util.HashMap<String, Long>();
        driver.metrics().forEach((name, metric) -> {
            if (name.group().equals(VehicleLogMetrics.GROUP) && name.name().endsWith("-total")
                    && !name.name().startsWith("processing-lag")) {
                totals.merge(name.name().replace("-total", ""), ((Double) metric.metricValue()).longValue(), Long::sum);
            }
        });
        return totals;
    }
}
