package io.tributary.cli.bench;

import io.tributary.cli.pipeline.WarehouseProbe;
import io.tributary.producers.fleet.FleetTruth;
import io.tributary.producers.web.WebTruth;
import io.tributary.warehouse.schema.TableNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the warehouse holds what the simulators emitted: every figure their ground truth pins exactly, compared
 * with the same figure read from the warehouse. A run is correct when every check holds.
 */
final class Correctness {
    private Correctness() {
    }

    /** The figures the ground truth pins, by check name (stable names: they appear in bench-results.json). */
    static Map<String, Long> expected(FleetTruth fleet, WebTruth web) {
        Map<String, Long> e = new LinkedHashMap<>();
        e.put("dead letters", 0L);
        e.put("quarantined events", 0L);
        e.put("log_functions_analysis rows", fleet.completeCalls());
        fleet.callsPerFunction().forEach((function, calls) -> e.put("calls of " + function, calls));
        e.put("web_requests rows", web.lines());
        web.linesPerSite().forEach((site, lines) -> e.put("requests of " + site, lines));
        e.put("web_requests 4xx", web.clientErrors());
        e.put("web_requests 5xx", web.serverErrors());
        e.put("web_sessions requests (sum of request_count)", web.lines());
        return e;
    }

    /** Reads the same figures from the warehouse; a figure of a group the warehouse lacks reads as 0. */
    static Map<String, Long> observed(WarehouseProbe probe, long deadLetters, Map<String, Long> expected) {
        TableNames n = probe.names();
        Map<String, Long> o = new LinkedHashMap<>();
        o.put("dead letters", deadLetters);
        o.put("quarantined events", probe.queryLong("SELECT COUNT(*) FROM " + n.quarantine()));
        o.put("log_functions_analysis rows", probe.queryLong("SELECT COUNT(*) FROM " + n.functionCalls()));
        probe.queryLongs("SELECT function_name, COUNT(*) FROM " + n.functionCalls() + " GROUP BY function_name")
                .forEach((function, calls) -> o.put("calls of " + function, calls));
        o.put("web_requests rows", probe.queryLong("SELECT COUNT(*) FROM " + n.webRequests()));
        probe.queryLongs("SELECT site, COUNT(*) FROM " + n.webRequests() + " GROUP BY site")
                .forEach((site, rows) -> o.put("requests of " + site, rows));
        o.put("web_requests 4xx", probe.queryLong("SELECT COUNT(*) FROM " + n.webRequests()
                + " WHERE status BETWEEN 400 AND 499"));
        o.put("web_requests 5xx", probe.queryLong("SELECT COUNT(*) FROM " + n.webRequests() + " WHERE status >= 500"));
        o.put("web_sessions requests (sum of request_count)", probe.queryLong("SELECT COALESCE(SUM(request_count), 0) FROM "
                + n.webSessions()));
        return o;
    }

    /**
     * Every expected figure against the observed one, then any observed group the truth does not know (a function
     * or site that should not exist) as expected 0.
     */
    static List<BenchResult.Check> compare(Map<String, Long> expected, Map<String, Long> observed) {
        List<BenchResult.Check> checks = new ArrayList<>();
        expected.forEach((name, value) -> checks.add(check(name, value, observed.getOrDefault(name, 0L))));
        observed.forEach((name, value) -> {
            if (!expected.containsKey(name)) {
                checks.add(check(name, 0, value));
            }
        });
        return checks;
    }

    static boolean allOk(List<BenchResult.Check> checks) {
        return checks.stream().allMatch(BenchResult.Check::ok);
    }

    private static BenchResult.Check check(String name, long expected, long actual) {
        return new BenchResult.Check(name, expected, actual, expected == actual);
    }
}
