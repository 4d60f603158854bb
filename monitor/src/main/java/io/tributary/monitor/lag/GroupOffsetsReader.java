package io.tributary.monitor.lag;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Reads a group's members, committed offsets and the log-end offsets of its partitions, as
 * {@code kafka-consumer-groups --describe} does; every call is bounded by the time-out.
 */
final class GroupOffsetsReader {
    private final Admin admin;
    private final Duration timeout;
    private final String bootstrap;

    GroupOffsetsReader(Admin admin, Duration timeout, String bootstrap) {
        this.admin = admin;
        this.timeout = timeout;
        this.bootstrap = bootstrap;
    }

    /** @throws LagReadException naming the group or broker and what to check */
    GroupOffsets read(String group) {
        int ms = (int) timeout.toMillis();
        ConsumerGroupDescription description;
        try {
            description = get(admin.describeConsumerGroups(List.of(group),
                    new DescribeConsumerGroupsOptions().timeoutMs(ms)).describedGroups().get(group), group);
        } catch (LagReadException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                throw unknownGroup(group);
            }
            throw e;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group,
                new ListConsumerGroupOffsetsOptions().timeoutMs(ms)).partitionsToOffsetAndMetadata(), group);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((tp, offset) -> {
            if (offset != null) {
                committed.put(tp, offset.offset());
            }
        });
        if (committed.isEmpty() && (description.groupState() == GroupState.DEAD
                || description.groupState() == GroupState.UNKNOWN)) {
            throw unknownGroup(group);
        }
        Map<TopicPartition, GroupOffsets.Member> assigned = new HashMap<>();
        description.members().forEach(m -> m.assignment().topicPartitions().forEach(tp ->
                assigned.put(tp, new GroupOffsets.Member(m.consumerId(), m.host(), m.clientId()))));
        Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
        partitions.addAll(assigned.keySet());
        return new GroupOffsets(group, committed, logEnd(partitions, group), assigned, !description.members().isEmpty());
    }

    private Map<TopicPartition, Long> logEnd(Set<TopicPartition> partitions, String group) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        // read_committed: transaction markers of the exactly-once stages are not lag a consumer can work off
        var options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs((int) timeout.toMillis());
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(request, options).all(), group).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private LagReadException unknownGroup(String group) {
        return new LagReadException("consumer group '" + group + "' is unknown to the Kafka cluster at " + bootstrap
                + ": check the group name (kafka-consumer-groups --list) and that its consumers have started");
    }

    private <T> T get(KafkaFuture<T> future, String group) {
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LagReadException("interrupted while reading offsets of group '" + group + "'", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(group, cause);
            }
            throw new LagReadException("cannot read offsets of group '" + group + "' from " + bootstrap + ": "
                    + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw unreachable(group, e);
        }
    }

    private LagReadException unreachable(String group, Throwable cause) {
        return new LagReadException("Kafka at " + bootstrap + " did not answer within " + timeout.toSeconds()
                + " s (reading group '" + group + "'): check that the broker is running and the bootstrap address "
                + "(--bootstrap / kafka.bootstrap.servers)", cause);
    }
}
