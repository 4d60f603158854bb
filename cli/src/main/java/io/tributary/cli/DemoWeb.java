package io.tributary.cli;

import io.tributary.cli.bench.MixedRun;
import io.tributary.cli.bench.Workload;
import io.tributary.cli.pipeline.WarehouseProbe;
import io.tributary.events.Topics;
import io.tributary.producers.faults.FaultSpec;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.producers.web.WebRun;
import io.tributary.producers.web.WebSimulator;
import io.tributary.producers.web.WebSpec;
import io.tributary.producers.web.WebTruth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The demo's web part: the three hotel sites' access logs, published next to the fleet, and what they became. */
final class DemoWeb {
    /**
     * The simulated traffic ends this long before the demo starts. Its sessions span hours of event time, and the
     * stream processors reject event times more than 5 minutes ahead of their clock, so the whole span lies in the past.
     */
    static final Duration END_BEFORE_NOW = Duration.ofMinutes(1);

    private DemoWeb() {
    }

    /** The warehouse side of the web path, read once every request is loaded. */
    record Loaded(long requests, long sessions, long sessionRequests, long bookedSessions) {
        static Loaded read(WarehouseProbe probe) {
            String sessions = probe.names().webSessions();
            return new Loaded(probe.queryLong("SELECT COUNT(*) FROM " + probe.names().webRequests()),
                    probe.queryLong("SELECT COUNT(*) FROM " + sessions),
                    sessionRequests(probe),
                    probe.queryLong("SELECT COUNT(*) FROM " + sessions + " WHERE reached_booking"));
        }

        /** Every request belongs to exactly one session row: the sum of request_count equals the requests. */
        static long sessionRequests(WarehouseProbe probe) {
            return probe.queryLong("SELECT COALESCE(SUM(request_count), 0) FROM " + probe.names().webSessions());
        }
    }

    /** {@code lines} access-log lines whose event times end {@link #END_BEFORE_NOW} before {@code now} (unpaced runs). */
    static WebSpec spec(long seed, long lines, Instant now) {
        return Workload.webEndingAt(WebSpec.of(seed, lines), now.minus(END_BEFORE_NOW));
    }

    /**
     * Publishes {@code lines} access-log lines to the raw web topic through a publisher of its own (another service).
     * Paced, each line is timed at its publish moment, as live traffic: the status page's web freshness and latency
     * are then the pipeline's. Unpaced, the simulator's hours of traffic go out at once, ending before now.
     *
     * @param linesPerSecond 0 = as fast as Kafka takes them
     */
    static WebTruth publish(long seed, long lines, String bootstrap, double linesPerSecond, AtomicLong acked) {
        try (var publisher = new LogPublisher(LogPublisherConfig.of(Map.of(
                LogPublisherConfig.BOOTSTRAP_SERVERS, bootstrap,
                LogPublisherConfig.CLIENT_ID, "tributary-demo-web")))) {
            if (linesPerSecond > 0) {
                return MixedRun.pacedWeb(WebSpec.of(seed, lines), publisher, linesPerSecond, acked);
            }
            return WebRun.publish(new WebSimulator(spec(seed, lines, Instant.now())), publisher, Topics.WEB_LOGS_RAW,
                    0, FaultSpec.none(), p -> acked.set(p.acknowledged())).web();
        }
    }
}
