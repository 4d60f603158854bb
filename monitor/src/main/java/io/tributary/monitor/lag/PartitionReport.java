package io.tributary.monitor.lag;

/**
 * One row of {@code tributary lag}: {@code kafka-consumer-groups --describe} plus lag in seconds and status.
 *
 * @param committedOffset -1 when the group has no committed offset on the partition (shown as "-")
 * @param lagSeconds      age of the first record not yet consumed (0 when there is none)
 * @param consumerId      member assigned the partition, "-" when none (same for host and clientId)
 */
public record PartitionReport(String group, String topic, int partition, long committedOffset, long logEndOffset,
                              long lag, double lagSeconds, LagStatus status, String consumerId, String host,
                              String clientId) {
}
