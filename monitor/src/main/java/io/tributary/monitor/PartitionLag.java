package io.tributary.monitor;

/** One row of {@code kafka-consumer-groups --describe}: where a group stands on one partition. */
public record PartitionLag(String group, String topic, int partition, long committedOffset, long logEndOffset) {

    /** Records the group has not yet committed; a partition the group never committed counts from 0. */
    public long lag() {
        return Math.max(0, logEndOffset - Math.max(0, committedOffset));
    }

    /** True when the group has committed an offset on this partition. */
    public boolean hasCommitted() {
        return committedOffset >= 0;
    }
}
