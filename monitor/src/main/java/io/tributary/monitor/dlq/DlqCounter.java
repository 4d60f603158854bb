package io.tributary.monitor.dlq;

import io.tributary.events.DlqHeaders;
import io.tributary.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts dead letters by (normalized) reason, reading the DLQ topic incrementally with a group-less consumer: each
 * {@link #update()} reads what was added since the last one, bounded by the time-out.
 */
public final class DlqCounter implements AutoCloseable {
    static final int MAX_REASONS = 20;
    private final Consumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private final String topic;
    private final Map<String, Long> counts = new TreeMap<>();
    private boolean assigned;

    public DlqCounter(String bootstrap, Duration timeout) {
        this(bootstrap, timeout, Topics.DLQ);
    }

    public DlqCounter(String bootstrap, Duration timeout, String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-monitor-dlq");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
        this.topic = topic;
    }

    /** Reads new dead letters; returns the counts so far by reason. */
    public Map<String, Long> update() {
        if (!assigned) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return Map.copyOf(counts);
            }
            consumer.assign(partitions);
            assigned = true;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !caughtUp(ends)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Header header = record.headers().lastHeader(DlqHeaders.ERROR_REASON);
                String reason = DlqReasons.normalize(
                        header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                if (!counts.containsKey(reason) && counts.size() >= MAX_REASONS) {
                    reason = "other";
                }
                counts.merge(reason, 1L, Long::sum);
            }
        }
        return Map.copyOf(counts);
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
