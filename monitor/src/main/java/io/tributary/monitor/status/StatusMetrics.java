package io.tributary.monitor.status;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tributary.monitor.lag.GroupReport;
import io.tributary.monitor.lag.PartitionReport;
import io.tributary.monitor.warehouse.TableFreshness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The latest snapshot as Prometheus metrics, built at scrape time so a partition or reason that disappeared leaves
 * no stale series. Lag metrics carry kafka-lag-exporter's names and labels, so its dashboards and alerts work
 * unchanged; the rest are {@code tributary_*}.
 */
final class StatusMetrics implements MultiCollector {
    private final Supplier<StatusSnapshot> latest;
    private final String cluster;

    StatusMetrics(Supplier<StatusSnapshot> latest, String cluster) {
        this.latest = latest;
        this.cluster = cluster;
    }

    @Override
    public MetricSnapshots collect() {
        StatusSnapshot snapshot = latest.get();
        if (snapshot == null) {
            return new MetricSnapshots();
        }
        Gauges g = new Gauges();
        for (GroupReport group : snapshot.groups()) {
            Labels groupLabels = Labels.of("cluster_name", cluster, "group", group.group());
            g.set("tributary_consumergroup_status", "Burrow-style status: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 ERR.",
                    groupLabels, group.status().ordinal());
            if (group.error() != null) {
                continue;
            }
            g.set("kafka_consumergroup_group_max_lag", "Max group offset lag.", groupLabels, group.maxLag());
            g.set("kafka_consumergroup_group_max_lag_seconds", "Max group time lag.", groupLabels,
                    group.maxLagSeconds());
            g.set("kafka_consumergroup_group_sum_lag", "Sum of group offset lag.", groupLabels, group.sumLag());
            Map<String, Long> topicSums = new LinkedHashMap<>();
            for (PartitionReport p : group.partitions()) {
                Labels labels = Labels.of("cluster_name", cluster, "group", group.group(), "topic", p.topic(),
                        "partition", Integer.toString(p.partition()), "member_host", p.host(),
                        "consumer_id", p.consumerId(), "client_id", p.clientId());
                if (p.committedOffset() >= 0) {
                    g.set("kafka_consumergroup_group_offset", "Last group consumed offset of a partition.", labels,
                            p.committedOffset());
                }
                g.set("kafka_consumergroup_group_lag", "Group offset lag of a partition.", labels, p.lag());
                g.set("kafka_consumergroup_group_lag_seconds", "Group time lag of a partition.", labels,
                        p.lagSeconds());
                g.set("kafka_partition_latest_offset", "Latest offset of a partition.", Labels.of("cluster_name",
                        cluster, "topic", p.topic(), "partition", Integer.toString(p.partition())), p.logEndOffset());
                topicSums.merge(p.topic(), p.lag(), Long::sum);
            }
            topicSums.forEach((topic, sum) -> g.set("kafka_consumergroup_group_topic_sum_lag",
                    "Sum of group offset lag across topic partitions.",
                    Labels.of("cluster_name", cluster, "group", group.group(), "topic", topic), sum));
        }
        for (StageStatus stage : snapshot.stages()) {
            g.set("tributary_stage_status", "Status of a pipeline stage: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 ERR.",
                    Labels.of("stage", stage.stage()), stage.status().ordinal());
        }
        for (ProcessRow process : snapshot.processes()) {
            Labels labels = Labels.of("process", process.name());
            g.set("tributary_process_up", "1 when the process runs, 0 while it restarts or after it failed.", labels,
                    "RUNNING".equals(process.state()) ? 1 : 0);
            g.set("tributary_process_restarts", "How often the supervisor started the process again.", labels,
                    process.restarts());
            g.set("tributary_process_failed", "1 when the process crashed too often and is no longer restarted.",
                    labels, process.failed() ? 1 : 0);
        }
        if (snapshot.landing() != null) {
            g.set("tributary_landing_backlog_objects", "Landed objects not yet processed by the micro-batch.",
                    Labels.EMPTY, snapshot.landing().objects());
            g.set("tributary_landing_backlog_bytes", "Bytes of landed objects not yet processed.", Labels.EMPTY,
                    snapshot.landing().bytes());
            g.set("tributary_landing_backlog_oldest_age_seconds", "Age of the oldest unprocessed landed object.",
                    Labels.EMPTY, snapshot.landing().oldestAge().toMillis() / 1000.0);
            g.set("tributary_landing_objects", "Objects in the landing zone.", Labels.EMPTY,
                    snapshot.landing().landedObjects());
        }
        if (snapshot.warehouse() != null) {
            for (TableFreshness t : snapshot.warehouse().tables()) {
                Labels table = Labels.of("table", t.table());
                g.set("tributary_warehouse_freshness_seconds", "Now minus the newest event time loaded.", table,
                        t.freshnessSeconds());
                g.set("tributary_warehouse_latency_p50_seconds", "Event-to-queryable latency, median of the rows "
                        + "of the last batches.", table, t.latencyP50Seconds());
                g.set("tributary_warehouse_latency_p95_seconds", "Event-to-queryable latency, 95th percentile of "
                        + "the rows of the last batches.", table, t.latencyP95Seconds());
                g.set("tributary_warehouse_last_batch_rows", "Rows upserted by the last batch.", table,
                        t.lastBatchRows());
                g.set("tributary_warehouse_last_batch_quarantined", "Rows quarantined by the last batch.", table,
                        t.lastBatchQuarantined());
                g.set("tributary_warehouse_rows", "Rows in the table.", table, t.rowsLoadedTotal());
            }
            snapshot.warehouse().quarantineByReason().forEach((reason, n) -> g.set("tributary_quarantine_rows",
                    "Quarantined events by reason.", Labels.of("reason", reason), n));
        }
        if (snapshot.dlqByReason() != null) {
            snapshot.dlqByReason().forEach((reason, n) -> g.set("tributary_dlq_records",
                    "Dead-lettered records by (normalized) reason.", Labels.of("reason", reason), n));
        }
        return g.snapshots();
    }

    /** Collects data points per metric name, in first-seen order. */
    private static final class Gauges {
        private final Map<String, String> help = new LinkedHashMap<>();
        private final Map<String, List<GaugeDataPointSnapshot>> points = new LinkedHashMap<>();

        void set(String name, String text, Labels labels, double value) {
            help.putIfAbsent(name, text);
            points.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
        }

        MetricSnapshots snapshots() {
            var builder = MetricSnapshots.builder();
            points.forEach((name, list) -> {
                var gauge = GaugeSnapshot.builder().name(name).help(help.get(name));
                list.forEach(gauge::dataPoint);
                builder.metricSnapshot(gauge.build());
            });
            return builder.build();
        }
    }
}
