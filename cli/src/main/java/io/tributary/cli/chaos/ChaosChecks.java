package io.tributary.cli.chaos;

import io.tributary.cli.UserFacingException;
import io.tributary.cli.pipeline.DeadLetters;
import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.PipelineService;
import io.tributary.cli.pipeline.WarehouseProbe;
import io.tributary.events.Topics;
import io.tributary.producers.fleet.ExpectedCall;
import io.tributary.producers.fleet.FleetTruth;
import io.tributary.producers.web.WebTruth;
import io.tributary.warehouse.schema.TableNames;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The warehouse, the dead-letter topic and the canonical topics against the simulators' ground truth. */
final class ChaosChecks {

    /** One figure: what the truth says, what the pipeline holds. */
    record Check(String name, long expected, long actual) {
        boolean ok() {
            return expected == actual;
        }
    }

    record Outcome(List<Check> checks, double completeAfterSeconds) {
        boolean matches() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    private ChaosChecks() {
    }

    /** Waits until every call, request and session is loaded (or the deadline), then compares everything. */
    static Outcome awaitAndCompare(PipelineService service, ChaosPublisher.Emitted truth, long deadlineNanos,
                                   PrintStream out) throws InterruptedException {
        Pipeline pipeline = service.pipeline();
        FleetTruth fleet = truth.fleet().fleet();
        WebTruth web = truth.web().web();
        out.printf("Waiting until the warehouse holds %,d calls and %,d requests ...%n", fleet.completeCalls(),
                web.lines());
        long t0 = System.nanoTime();
        while (!complete(pipeline, fleet, web)) {
            var failed = pipeline.failedProcess();
            if (failed.isPresent()) {
                throw new UserFacingException(failed.get().name() + " crashed too often and is no longer restarted ("
                        + failed.get().lastExit() + "); its log: " + failed.get().logFile() + "\n"
                        + failed.get().failureLog(), null, 1);
            }
            if (System.nanoTime() > deadlineNanos) {
                out.println("The warehouse is not complete before the timeout; comparing what it holds.");
                break;
            }
            Thread.sleep(1000); // polling the warehouse from a CLI loop, not a test
        }
        double completeAfter = (System.nanoTime() - t0) / 1e9;
        String bootstrap = service.stack().orElseThrow().endpoints().kafkaBootstrap();
        List<Check> checks = new ArrayList<>();
        WarehouseProbe probe = pipeline.probe();
        TableNames n = probe.names();
        checks.add(new Check("log_functions_analysis rows", fleet.completeCalls(),
                probe.queryLong("SELECT COUNT(*) FROM " + n.functionCalls())));
        Map<String, Long> perFunction = probe.queryLongs("SELECT function_name, COUNT(*) FROM " + n.functionCalls()
                + " GROUP BY function_name");
        compareGroups("calls of ", fleet.callsPerFunction(), perFunction, checks);
        checks.add(new Check("calls whose vehicle, function, start, end and depth differ from the truth", 0,
                differingCalls(probe, fleet.calls())));
        checks.add(new Check("web_requests rows", web.lines(), probe.queryLong("SELECT COUNT(*) FROM " + n.webRequests())));
        compareGroups("requests of ", web.linesPerSite(), probe.queryLongs("SELECT site, COUNT(*) FROM "
                + n.webRequests() + " GROUP BY site"), checks);
        checks.add(new Check("web_requests 4xx", web.clientErrors(), probe.queryLong("SELECT COUNT(*) FROM "
                + n.webRequests() + " WHERE status BETWEEN 400 AND 499")));
        checks.add(new Check("web_requests 5xx", web.serverErrors(), probe.queryLong("SELECT COUNT(*) FROM "
                + n.webRequests() + " WHERE status >= 500")));
        checks.add(new Check("requests counted in web_sessions", web.lines(), probe.queryLong(
                "SELECT COALESCE(SUM(request_count), 0) FROM " + n.webSessions())));
        checks.add(new Check("quarantined events", 0, probe.queryLong("SELECT COUNT(*) FROM " + n.quarantine())));
        checks.add(new Check("dead letters (malformed lines injected)", truth.fleet().faults().expectedDeadLetters()
                + truth.web().faults().expectedDeadLetters(), DeadLetters.count(bootstrap)));
        checks.add(new Check("vehicle.events records (lines - duplicates - dead letters)",
                truth.fleet().faults().expectedEvents(), TopicCounts.committedRecords(bootstrap, Topics.VEHICLE_EVENTS)));
        checks.add(new Check("web.requests records (lines - duplicates - dead letters)",
                truth.web().faults().expectedEvents(), TopicCounts.committedRecords(bootstrap, Topics.WEB_REQUESTS)));
        return new Outcome(checks, completeAfter);
    }

    private static boolean complete(Pipeline pipeline, FleetTruth fleet, WebTruth web) {
        try {
            return pipeline.callsLoaded() >= fleet.completeCalls() && pipeline.webRequestsLoaded() >= web.lines()
                    && pipeline.probe().queryLong("SELECT COALESCE(SUM(request_count), 0) FROM "
                    + pipeline.probe().names().webSessions()) >= web.lines();
        } catch (IllegalStateException e) {
            return false; // the warehouse is restarting
        }
    }

    /** Every group of the truth, then any group the warehouse has that the truth does not (expected 0). */
    private static void compareGroups(String prefix, Map<String, Long> expected, Map<String, Long> actual,
                                      List<Check> checks) {
        expected.forEach((group, n) -> checks.add(new Check(prefix + group, n, actual.getOrDefault(group, 0L))));
        actual.forEach((group, n) -> {
            if (!expected.containsKey(group)) {
                checks.add(new Check(prefix + group, 0, n));
            }
        });
    }

    /**
     * Calls of the truth missing from the warehouse plus warehouse calls the truth does not have, each call as
     * vehicle, function, start and end to the microsecond, and depth.
     */
    private static long differingCalls(WarehouseProbe probe, List<ExpectedCall> calls) {
        Map<String, Long> difference = new TreeMap<>();
        for (ExpectedCall call : calls) {
            difference.merge(key(call.vehicleId(), call.functionName(), micros(call.start()), micros(call.end()),
                    call.depth()), 1L, Long::sum);
        }
        probe.forEachRow("SELECT vehicle_id, function_name, CAST(EXTRACT(EPOCH FROM start_time) * 1000000 AS BIGINT), "
                + "CAST(EXTRACT(EPOCH FROM end_time) * 1000000 AS BIGINT), call_depth FROM "
                + probe.names().functionCalls(), row -> difference.merge(key(row.getString(1), row.getString(2),
                row.getLong(3), row.getLong(4), row.getInt(5)), -1L, Long::sum));
        return difference.values().stream().mapToLong(Math::abs).sum();
    }

    private static String key(String vehicle, String function, long startMicros, long endMicros, int depth) {
        return vehicle + '|' + function + '|' + startMicros + '|' + endMicros + '|' + depth;
    }

    private static long micros(java.time.Instant instant) {
        return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, instant);
    }
}
