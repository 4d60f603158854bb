package io.tributary.monitor.lag;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lag in seconds = now minus the timestamp of the first record the group has not consumed (the record at its
 * committed offset). Chosen over kafka-lag-exporter's interpolation of sampled log-end offsets because it is exact
 * from the first look: a one-shot {@code tributary lag} has no history to interpolate from, and interpolation
 * extrapolates wildly after a burst. The cost is one bounded fetch per lagging partition per sample, done by a
 * consumer with no group (it never commits, so it cannot disturb the group it measures).
 */
final class FirstUnconsumedTimestamps implements AutoCloseable {
    private final Consumer<byte[], byte[]> consumer;
    private final Duration timeout;

    FirstUnconsumedTimestamps(String bootstrap, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-monitor-lag-seconds");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
    }

    /**
     * @param from   the committed offset of each lagging partition
     * @param logEnd log-end offsets: a partition whose position reaches it holds no consumable record (only
     *               transaction markers), so it has no timestamp
     * @return epoch millis of the first consumable record at or after {@code from}, per partition that has one
     */
    Map<TopicPartition, Long> lookup(Map<TopicPartition, Long> from, Map<TopicPartition, Long> logEnd) {
        Map<TopicPartition, Long> found = new HashMap<>();
        if (from.isEmpty()) {
            return found;
        }
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        Set<TopicPartition> pending = new HashSet<>(from.keySet());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (TopicPartition tp : records.partitions()) {
                    if (pending.remove(tp)) {
                        found.put(tp, records.records(tp).get(0).timestamp());
                        consumer.pause(List.of(tp));
                    }
                }
                pending.removeIf(tp -> consumer.position(tp, timeout) >= logEnd.getOrDefault(tp, Long.MAX_VALUE));
            }
        } finally {
            consumer.assign(List.of());
        }
        return found;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
