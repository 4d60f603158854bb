package io.tributary.cli.bench;

import io.tributary.cli.pipeline.WarehouseProbe;
import io.tributary.warehouse.schema.TableNames;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event-to-queryable latency per table, read from the warehouse: each row's {@code loaded_at} (the loader's
 * transaction time, PostgreSQL {@code now()}, fixed at the start of the transaction that commits the row) minus the
 * event time that made the row what it is. Event times are stored as UTC {@code TIMESTAMP}s.
 */
final class FreshnessQuery {
    /** A table, the latency expression of one row, and what it means (written with the figures). */
    record Measure(String table, String sql, String measures) {
    }

    private FreshnessQuery() {
    }

    static Map<String, Measure> measures(TableNames n) {
        Map<String, Measure> m = new LinkedHashMap<>();
        m.put("log_functions_analysis", new Measure("log_functions_analysis",
                "SELECT EXTRACT(EPOCH FROM (loaded_at - (end_time AT TIME ZONE 'UTC'))) FROM " + n.functionCalls(),
                "loaded_at - end_time: a call is queryable once the END event that closes it is loaded"));
        m.put("web_requests", new Measure("web_requests",
                "SELECT EXTRACT(EPOCH FROM (loaded_at - (event_time AT TIME ZONE 'UTC'))) FROM " + n.webRequests(),
                "loaded_at - event_time (whole seconds in the access log: up to 1 s more than the real latency)"));
        m.put("web_sessions", new Measure("web_sessions",
                "SELECT EXTRACT(EPOCH FROM (loaded_at - (last_event_time AT TIME ZONE 'UTC'))) FROM " + n.webSessions(),
                "loaded_at of a session's latest version - its last request's event_time: how long after a"
                        + " session's latest request the session row shows it"));
        return m;
    }

    /** Percentiles of every table that has rows. */
    static Map<String, BenchResult.Latency> read(WarehouseProbe probe, Iterable<String> tables) {
        Map<String, Measure> all = measures(probe.names());
        Map<String, BenchResult.Latency> latencies = new LinkedHashMap<>();
        for (String table : tables) {
            Measure m = all.get(table);
            var p = new Percentiles();
            probe.forEachDouble(m.sql(), p::add);
            if (p.size() > 0) {
                latencies.put(table, latency(p, m.measures()));
            }
        }
        return latencies;
    }

    static BenchResult.Latency latency(Percentiles p, String measures) {
        return new BenchResult.Latency(p.size(), round(p.at(0.50)), round(p.at(0.95)), round(p.at(0.99)),
                round(p.max()), round(p.mean()), measures);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
