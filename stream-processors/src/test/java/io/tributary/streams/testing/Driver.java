package io.tributary.streams.testing;

import io.tributary.events.DlqHeaders;
import io.tributary.events.Topics;
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
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/** A TopologyTestDriver around one line topology: pipe raw lines, read events and dead letters, read counters. */
public final class Driver implements AutoCloseable {
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> raw;
    private final TestOutputTopic<String, byte[]> events;
    private final TestOutputTopic<String, byte[]> dlq;
    private final String metricGroup;

    public Driver(Consumer<StreamsBuilder> topology, String rawTopic, String eventsTopic, String metricGroup) {
        var builder = new StreamsBuilder();
        topology.accept(builder);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        raw = driver.createInputTopic(rawTopic, new StringSerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(eventsTopic, new StringDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(Topics.DLQ, new StringDeserializer(), new ByteArrayDeserializer());
        this.metricGroup = metricGroup;
    }

    public void pipe(String key, byte[] value, Instant timestamp, Map<String, String> headers) {
        var recordHeaders = new RecordHeaders();
        headers.forEach((k, v) -> recordHeaders.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        raw.pipeInput(new TestRecord<>(key, value, recordHeaders, timestamp));
    }

    public void pipe(String key, String line, Instant timestamp) {
        pipe(key, line == null ? null : line.getBytes(StandardCharsets.UTF_8), timestamp, Map.of());
    }

    /** Values of the events written since the last call, as text. */
    public List<String> events() {
        return events.readRecordsToList().stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    public List<TestRecord<String, byte[]>> eventRecords() {
        return events.readRecordsToList();
    }

    /** Reasons of the dead letters written since the last call. */
    public List<String> deadLetterReasons() {
        return dlq.readRecordsToList().stream().map(r -> new String(
                r.headers().lastHeader(DlqHeaders.ERROR_REASON).value(), StandardCharsets.UTF_8)).toList();
    }

    public List<TestRecord<String, byte[]>> deadLetters() {
        return dlq.readRecordsToList();
    }

    /** {@code <operation>} → total over tasks, for every counter of the topology's group (lag excluded). */
    public Map<String, Long> counters() {
        var totals = new HashMap<String, Long>();
        driver.metrics().forEach((name, metric) -> {
            if (name.group().equals(metricGroup) && name.name().endsWith("-total")
                    && !name.name().startsWith("processing-lag")) {
                totals.merge(name.name().replace("-total", ""), ((Double) metric.metricValue()).longValue(),
                        Long::sum);
            }
        });
        return totals;
    }

    @Override
    public void close() {
        driver.close();
    }
}
