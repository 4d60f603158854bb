package io.tributary.monitor.lag;

import java.util.List;

/**
 * A consumer group's lag and status at one sample.
 *
 * @param error when the status is ERR: one line saying what failed and what to check; else null
 */
public record GroupReport(String group, LagStatus status, List<PartitionReport> partitions, String error) {

    public static GroupReport failed(String group, String error) {
        return new GroupReport(group, LagStatus.ERR, List.of(), error);
    }

    public long sumLag() {
        return partitions.stream().mapToLong(PartitionReport::lag).sum();
    }

    public long maxLag() {
        return partitions.stream().mapToLong(PartitionReport::lag).max().orElse(0);
    }

    public double maxLagSeconds() {
        return partitions.stream().mapToDouble(PartitionReport::lagSeconds).max().orElse(0);
    }
}
