package io.tributary.monitor.lag;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the lag of a set of consumer groups and evaluates each partition with {@link BurrowRules} over a sliding
 * window. Call {@link #sample()} at a steady interval (the status server does, every poll interval); each call adds
 * one sample per partition. Not thread-safe: one caller at a time.
 */
public final class LagMonitor implements AutoCloseable {
    private final Admin admin;
    private final GroupOffsetsReader reader;
    private final FirstUnconsumedTimestamps timestamps;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Map<TopicPartition, PartitionHistory>> histories = new ConcurrentHashMap<>();

    LagMonitor(Admin admin, GroupOffsetsReader reader, FirstUnconsumedTimestamps timestamps, Duration window,
               Clock clock) {
        this.admin = admin;
        this.reader = reader;
        this.timestamps = timestamps;
        this.window = window;
        this.clock = clock;
    }

    /** A monitor with its own Admin client and consumer on {@code bootstrap}; every call bounded by {@code timeout}. */
    public static LagMonitor connect(String bootstrap, Duration timeout, Duration window, Clock clock) {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-monitor");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // an unreachable broker must fail the call, not be retried in the background forever
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        Admin admin = Admin.create(props);
        return new LagMonitor(admin, new GroupOffsetsReader(admin, timeout, bootstrap),
                new FirstUnconsumedTimestamps(bootstrap, timeout), window, clock);
    }

    /** One sample of every group in {@code groups}; a group that cannot be read is reported ERR, never thrown. */
    public List<GroupReport> sample(List<String> groups) {
        List<GroupReport> reports = new ArrayList<>();
        for (String group : groups) {
            try {
                reports.add(sample(group));
            } catch (LagReadException e) {
                reports.add(GroupReport.failed(group, e.getMessage()));
            }
        }
        return reports;
    }

    /** One sample of {@code group}. @throws LagReadException when its offsets cannot be read */
    public GroupReport sample(String group) {
        GroupOffsets offsets = reader.read(group);
        Instant now = clock.instant();
        Map<TopicPartition, Long> lagging = new HashMap<>();
        offsets.committed().forEach((tp, committed) -> {
            if (offsets.logEnd().getOrDefault(tp, 0L) > committed) {
                lagging.put(tp, committed);
            }
        });
        Map<TopicPartition, Long> firstUnconsumed = timestamps.lookup(lagging, offsets.logEnd());
        Map<TopicPartition, PartitionHistory> groupHistory = histories.computeIfAbsent(group, g -> new HashMap<>());
        List<PartitionReport> rows = new ArrayList<>();
        for (var entry : offsets.logEnd().entrySet()) {
            TopicPartition tp = entry.getKey();
            long committed = offsets.committed().getOrDefault(tp, -1L);
            var sample = new OffsetSample(now, committed, entry.getValue());
            PartitionHistory history = groupHistory.computeIfAbsent(tp, p -> new PartitionHistory());
            history.add(sample, window);
            LagStatus status = history.evaluate(offsets.hasMembers(), window, now);
            Long timestamp = firstUnconsumed.get(tp);
            double lagSeconds = timestamp == null ? 0 : Math.max(0, (now.toEpochMilli() - timestamp) / 1000.0);
            var member = offsets.assigned().getOrDefault(tp, GroupOffsets.Member.NONE);
            rows.add(new PartitionReport(group, tp.topic(), tp.partition(), committed, entry.getValue(),
                    sample.lag(), lagSeconds, status, member.consumerId(), member.host(), member.clientId()));
        }
        rows.sort(Comparator.comparing(PartitionReport::topic).thenComparingInt(PartitionReport::partition));
        return new GroupReport(group, LagStatus.worst(rows.stream().map(PartitionReport::status).toList()), rows,
                null);
    }

    @Override
    public void close() {
        timestamps.close();
        admin.close(Duration.ofSeconds(2));
    }
}
