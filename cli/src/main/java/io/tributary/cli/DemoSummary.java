package io.tributary.cli;

import io.tributary.cli.pipeline.DeadLetters;
import io.tributary.cli.pipeline.LocalPipeline;
import io.tributary.producers.fleet.FleetTruth;
import io.tributary.stack.StackEndpoints;
import io.tributary.warehouse.FunctionStats;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a demo run did, compared with what the simulator emitted. */
record DemoSummary(FleetTruth truth, long dlqRecords, long rowsLoaded, List<FunctionStats> functions,
                   Duration endToEnd, double stackSeconds, double readySeconds, StackEndpoints endpoints,
                   Map<String, Long> peakMib) {

    static DemoSummary collect(LocalPipeline pipeline, FleetTruth truth, StackEndpoints endpoints, Duration endToEnd,
                               double stackSeconds, double readySeconds, Map<String, Long> peakMib) {
        return new DemoSummary(truth, DeadLetters.count(endpoints.kafkaBootstrap()),
                pipeline.callsLoaded(), pipeline.functionStats(),
                endToEnd, stackSeconds, readySeconds, endpoints, peakMib);
    }

    /** True when the warehouse holds exactly one row per emitted call and nothing went to the dead-letter topic. */
    boolean matches() {
        return rowsLoaded == truth.completeCalls() && dlqRecords == 0;
    }

    void print(PrintStream out) {
        out.println();
        out.println("Summary");
        out.printf("  events produced        %,d%n", truth.events());
        out.printf("  dead letters           %,d%n", dlqRecords);
        out.printf("  calls expected         %,d%n", truth.completeCalls());
        out.printf("  rows loaded            %,d   %s%n", rowsLoaded, matches() ? "(match)" : "(MISMATCH)");
        out.printf("  stack ready in         %.1f s (all stages %.1f s)%n", stackSeconds, readySeconds);
        out.printf("  end-to-end time        %.1f s (first publish to last row queryable, %,.0f events/s)%n",
                endToEnd.toMillis() / 1000.0, truth.events() / Math.max(0.001, endToEnd.toMillis() / 1000.0));
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
