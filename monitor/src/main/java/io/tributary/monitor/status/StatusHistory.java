package io.tributary.monitor.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.monitor.lag.GroupReport;
import io.tributary.monitor.lag.PartitionReport;
import io.tributary.monitor.warehouse.TableFreshness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The last hour of chart points: one per snapshot, each chart a set of named series. Thread-safe. */
final class StatusHistory {
    static final String LAG_RECORDS = "lag_records";
    static final String LAG_SECONDS = "lag_seconds";
    static final String LANDING_BACKLOG = "landing_backlog";
    static final String FRESHNESS = "freshness_seconds";
    static final String THROUGHPUT = "throughput_per_second";
    static final String DLQ = "dlq_by_reason";

    private record Point(Instant at, Map<String, Map<String, Double>> charts, Map<String, Double> totals) {
    }

    private final Duration span;
    private final Deque<Point> points = new ArrayDeque<>();

    StatusHistory(Duration span) {
        this.span = span;
    }

    synchronized void add(StatusSnapshot snapshot) {
        Map<String, Map<String, Double>> charts = new LinkedHashMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        for (GroupReport group : snapshot.groups()) {
            chart(charts, LAG_RECORDS).put(group.group(), (double) group.sumLag());
            chart(charts, LAG_SECONDS).put(group.group(), group.maxLagSeconds());
            totals.put(group.group(), (double) group.partitions().stream()
                    .mapToLong(PartitionReport::committedOffset).filter(o -> o > 0).sum());
        }
        if (snapshot.landing() != null) {
            chart(charts, LANDING_BACKLOG).put("objects", (double) snapshot.landing().objects());
        }
        if (snapshot.warehouse() != null) {
            for (TableFreshness table : snapshot.warehouse().tables()) {
                if (!Double.isNaN(table.freshnessSeconds())) {
                    chart(charts, FRESHNESS).put(table.table(), table.freshnessSeconds());
                }
                totals.put("warehouse " + table.table(), (double) table.rowsLoadedTotal());
            }
        }
        if (snapshot.dlqByReason() != null) {
            snapshot.dlqByReason().forEach((reason, count) -> chart(charts, DLQ).put(reason, count.doubleValue()));
        }
        Point previous = points.peekLast();
        if (previous != null) {
            double seconds = Duration.between(previous.at(), snapshot.at()).toMillis() / 1000.0;
            if (seconds > 0) {
                totals.forEach((stage, total) -> {
                    Double before = previous.totals().get(stage);
                    if (before != null) {
                        chart(charts, THROUGHPUT).put(stage, Math.max(0, (total - before) / seconds));
                    }
                });
            }
        }
        points.addLast(new Point(snapshot.at(), charts, totals));
        while (!points.isEmpty() && points.peekFirst().at().isBefore(snapshot.at().minus(span))) {
            points.removeFirst();
        }
    }

    /** {@code {"times":[epoch ms…], "charts":{chart:{series:[value or null…]}}}}, series aligned with times. */
    synchronized ObjectNode toJson() {
        var json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        var times = root.putArray("times");
        points.forEach(p -> times.add(p.at().toEpochMilli()));
        ObjectNode charts = root.putObject("charts");
        for (String chart : new String[] {LAG_RECORDS, LAG_SECONDS, LANDING_BACKLOG, FRESHNESS, THROUGHPUT, DLQ}) {
            Set<String> names = new LinkedHashSet<>();
            points.forEach(p -> names.addAll(p.charts().getOrDefault(chart, Map.of()).keySet()));
            ObjectNode series = charts.putObject(chart);
            for (String name : names) {
                var values = series.putArray(name);
                for (Point p : points) {
                    Double v = p.charts().getOrDefault(chart, Map.of()).get(name);
                    if (v == null) {
                        values.addNull();
                    } else {
                        values.add(v);
                    }
                }
            }
        }
        return root;
    }

    private static Map<String, Double> chart(Map<String, Map<String, Double>> charts, String name) {
        return charts.computeIfAbsent(name, n -> new LinkedHashMap<>());
    }
}
