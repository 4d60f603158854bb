package io.tributary.cli;

import io.tributary.cli.pipeline.DeadLetters;
import io.tributary.cli.pipeline.Pipeline;
import io.tributary.producers.fleet.FleetTruth;
import io.tributary.producers.web.WebTruth;
import io.tributary.stack.StackEndpoints;
import io.tributary.warehouse.FunctionStats;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a demo run did, compared with what the simulator emitted. */
record DemoSummary(FleetTruth truth, WebTruth web, DemoWeb.Loaded webLoaded, long dlqRecords, long rowsLoaded,
                   List<FunctionStats> functions, Duration endToEnd, double readySeconds,
                   StackEndpoints endpoints, Map<String, Long> peakMib) {

    /** @param web what the web simulator emitted; null when the demo published no web lines */
    static DemoSummary collect(Pipeline pipeline, FleetTruth truth, WebTruth web, StackEndpoints endpoints,
                               Duration endToEnd, double readySeconds,
                               Map<String, Long> peakMib) {
        return new DemoSummary(truth, web, web == null ? null : DemoWeb.Loaded.read(pipeline.probe()),
                DeadLetters.count(endpoints.kafkaBootstrap()), pipeline.callsLoaded(), pipeline.functionStats(),
                endToEnd, readySeconds, endpoints, peakMib);
    }

    /**
     * True when the warehouse holds exactly one row per emitted call and per emitted request, every request counted
     * in exactly one session, and nothing went to the dead-letter topic.
     */
    boolean matches() {
        return rowsLoaded == truth.completeCalls() && dlqRecords == 0 && webMatches();
    }

    private boolean webMatches() {
        return web == null || (webLoaded.requests() == web.lines() && webLoaded.sessionRequests() == web.lines());
    }

    private long events() {
        return truth.events() + (web == null ? 0 : web.lines());
    }

    void print(PrintStream out) {
        out.println();
        out.println("Summary");
        out.printf("  events produced        %,d%n", events());
        out.printf("  dead letters           %,d%n", dlqRecords);
        out.printf("  calls expected         %,d%n", truth.completeCalls());
        out.printf("  rows loaded            %,d   %s%n", rowsLoaded,
                rowsLoaded == truth.completeCalls() ? "(match)" : "(MISMATCH)");
        if (web != null) {
            out.printf("  web requests expected  %,d%n", web.lines());
            out.printf("  web requests loaded    %,d   %s%n", webLoaded.requests(),
                    webMatches() ? "(match)" : "(MISMATCH)");
            out.printf("  web sessions           %,d (%,d reached a booking; requests in sessions %,d)%n",
                    webLoaded.sessions(), webLoaded.bookedSessions(), webLoaded.sessionRequests());
        }
        out.printf("  stack and stages ready %.1f s%n", readySeconds);
        out.printf("  end-to-end time        %.1f s (first publish to last row queryable, %,.0f events/s)%n",
                endToEnd.toMillis() / 1000.0, events() / Math.max(0.001, endToEnd.toMillis() / 1000.0));
        out.println();
        out.printf("  %-22s %10s %12s %12s%n", "function", "calls", "p50 (s)", "p95 (s)");
        for (FunctionStats f : functions) {
            out.printf("  %-22s %,10d %12.6f %12.6f%n", f.functionName(), f.calls(), f.p50Seconds(), f.p95Seconds());
        }
        out.println();
        out.println("  peak memory (resident set)");
        peakMib.forEach((name, mib) -> out.printf("    %-24s %,6d MiB%n", name, mib));
        out.println();
        out.println("Query the warehouse:");
        out.println("  " + psqlCommand(endpoints));
        out.println("  e.g. SELECT function_name, count(*) FROM tributary.log_functions_analysis GROUP BY 1;");
        if (web != null) {
            out.println("       SELECT site, count(*), sum(CASE WHEN reached_booking THEN 1 ELSE 0 END) AS booked"
                    + " FROM tributary.web_sessions GROUP BY 1;");
        }
    }

    static String psqlCommand(StackEndpoints endpoints) {
        // jdbc:postgresql://host:port/db -> psql -h host -p port -U user db
        String rest = endpoints.jdbcUrl().replaceFirst("^jdbc:postgresql://", "");
        String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String db = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1).replaceFirst("\\?.*$", "") : "postgres";
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
        String port = hostPort.contains(":") ? hostPort.substring(hostPort.lastIndexOf(':') + 1) : "5432";
        return "psql -h " + host + " -p " + port + " -U " + endpoints.jdbcUser() + " " + db;
    }
}
