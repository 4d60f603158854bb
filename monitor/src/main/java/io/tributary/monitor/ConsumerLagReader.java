package io.tributary.monitor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Reads committed and log-end offsets through the Admin API, as {@code kafka-consumer-groups --describe} does.
 * Log-end offsets are read with read_committed, so transaction markers and aborted data do not count as lag
 * for the exactly-once stages.
 */
public final class ConsumerLagReader {
    private final Admin admin;
    private final Duration timeout;

    public ConsumerLagReader(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Lag of {@code group} on every partition of {@code topic}, sorted by partition. */
    public List<PartitionLag> lag(String group, String topic) {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        List<PartitionLag> rows = new ArrayList<>();
        ends.forEach((tp, end) -> {
            OffsetAndMetadata offset = committed.get(tp);
            rows.add(new PartitionLag(group, topic, tp.partition(), offset == null ? -1 : offset.offset(), end));
        });
        rows.sort(Comparator.comparingInt(PartitionLag::partition));
        return rows;
    }

    /** Sum over partitions of the offsets {@code group} has committed on {@code topic}. */
    public long committedTotal(String group, String topic) {
        return lag(group, topic).stream().mapToLong(row -> Math.max(0, row.committedOffset())).sum();
    }

    /** Read-committed log-end offset of every partition of {@code topic}. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        var description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        var options = new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                get(admin.listOffsets(request, options).all());
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Sum of the read-committed log-end offsets of {@code topic}. */
    public long endOffsetTotal(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout + " while reading offsets", e);
        }
    }
}
