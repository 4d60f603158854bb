package io.tributary.monitor.status;

import io.tributary.monitor.landing.LandingBacklog;
import io.tributary.monitor.lag.GroupReport;
import io.tributary.monitor.lag.LagStatus;
import io.tributary.monitor.lag.PartitionReport;
import io.tributary.monitor.warehouse.TableFreshness;
import io.tributary.monitor.warehouse.WarehouseHealth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sources for the server and page tests: a pipeline whose numbers change at every sample, on a simulated clock that
 * advances 30 s per sample, so a second of real time fills minutes of chart history. The sink stage's status can be
 * set from the test to see the page and /health react.
 */
final class ScriptedSources implements StatusSources {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final AtomicInteger samples = new AtomicInteger();
    final AtomicReference<LagStatus> sinkStatus = new AtomicReference<>(LagStatus.OK);
    /** The supervised processes: kafka was killed once and came back; the test may make one fail. */
    final AtomicReference<List<ProcessRow>> processes = new AtomicReference<>(List.of(
            new ProcessRow("kafka", "RUNNING", 4242, 1, "killed (SIGKILL, exit 137)", T0.minusSeconds(40),
                    T0.minusSeconds(35), null),
            new ProcessRow("streams", "RUNNING", 4343, 0, null, null, T0.minusSeconds(60), null)));

    @Override
    public StatusSnapshot collect() {
        int i = samples.getAndIncrement();
        Instant now = T0.plusSeconds(30L * i);
        long committed = 1000L * i;
        List<GroupReport> groups = List.of(
                group("tributary-streams", "vehicle.logs.raw", committed, committed + 40 + 5L * (i % 7), 1.5 + i % 4,
                        LagStatus.OK),
                group("connect-s3-sink-vehicle-events", "vehicle.events", committed / 2, committed + 300,
                        12.0 + i, sinkStatus.get()));
        var landing = new LandingBacklog(100 + i, 3 + i % 5, 20_000L * (3 + i % 5), Duration.ofSeconds(20 + i % 9),
                true);
        var table = new TableFreshness("log_functions_analysis", now.minusSeconds(45), 45 + i % 10, 31.0, 58.5,
                "q-" + i, 120, 2, now, 5_000L * i);
        var warehouse = new WarehouseHealth(List.of(table), Map.of("unmatched_end", 2L * i, "late", (long) i));
        Map<String, Long> dlq = Map.of("Cannot parse timestamp <value> in <record>", 3L * i, "empty line", (long) i);
        List<StageStatus> stages = new ArrayList<>();
        groups.forEach(g -> stages.add(new StageStatus(g.group(), g.status(), "lag " + g.sumLag())));
        stages.add(new StageStatus("landing -> spark", LagStatus.OK, landing.objects() + " objects"));
        stages.add(new StageStatus("warehouse", LagStatus.OK, "freshness " + table.freshnessSeconds()));
        return new StatusSnapshot(now, groups, landing, warehouse, dlq, stages, processes.get());
    }

    private static GroupReport group(String group, String topic, long committed, long logEnd, double lagSeconds,
                                     LagStatus status) {
        List<PartitionReport> partitions = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            partitions.add(new PartitionReport(group, topic, p, committed, logEnd, logEnd - committed,
                    lagSeconds, status, "consumer-" + p, "/127.0.0.1", "client-" + p));
        }
        return new GroupReport(group, status, partitions, null);
    }

    int samples() {
        return samples.get();
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofMillis(100);
    }

    @Override
    public String clusterName() {
        return "test-cluster";
    }

    @Override
    public void close() {
    }
}
