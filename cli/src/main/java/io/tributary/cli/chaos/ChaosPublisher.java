package io.tributary.cli.chaos;

import io.tributary.events.Topics;
import io.tributary.producers.faults.FaultSpec;
import io.tributary.producers.fleet.FleetRun;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.producers.fleet.FunctionCatalogue;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.producers.web.WebRun;
import io.tributary.producers.web.WebSimulator;
import io.tributary.producers.web.WebSpec;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Both simulators publishing at once, each through a publisher of its own (two services), with every fault injected,
 * their event times ending about now. The publishers wait out a broker that is down (killed, or restarting with the
 * whole service) instead of failing: delivery is retried for up to 10 minutes, idempotently.
 */
final class ChaosPublisher {
    /** Lines held back stay within the pipeline's allowed lateness (10 m): they must still pair, not be quarantined. */
    static final Duration LATE_BY = Duration.ofMinutes(1);

    /** What the two simulators emitted. */
    record Emitted(FleetRun.Result fleet, WebRun.Result web) {
    }

    final AtomicLong vehicleAcked = new AtomicLong();
    final AtomicLong webAcked = new AtomicLong();

    private ChaosPublisher() {
    }

    /**
     * Starts publishing {@code vehicleLines} and {@code webLines} at {@code linesPerSecond} in all, on threads of
     * their own.
     */
    static ChaosPublisher start(String bootstrap, long seed, long vehicleLines, long webLines, double linesPerSecond,
                                double faultRate, CompletableFuture<Emitted> done) {
        var publisher = new ChaosPublisher();
        FaultSpec faults = FaultSpec.everyFaultAt(faultRate, seed).withLateBy(LATE_BY);
        double total = Math.max(1, vehicleLines + webLines);
        double vehicleRate = linesPerSecond * vehicleLines / total;
        double webRate = linesPerSecond * webLines / total;
        CompletableFuture<FleetRun.Result> fleet = CompletableFuture.supplyAsync(() -> {
            try (var out = new LogPublisher(config(bootstrap, "tributary-chaos-fleet"))) {
                return FleetRun.publish(new FleetSimulator(fleetEndingNow(seed, vehicleLines)), out,
                        Topics.VEHICLE_LOGS_RAW, vehicleRate, faults, p -> publisher.vehicleAcked.set(p.acknowledged()));
            }
        }, runnable -> new Thread(runnable, "tributary-chaos-fleet").start());
        CompletableFuture<WebRun.Result> web = CompletableFuture.supplyAsync(() -> {
            try (var out = new LogPublisher(config(bootstrap, "tributary-chaos-web"))) {
                return WebRun.publish(new WebSimulator(webEndingNow(seed, webLines)), out, Topics.WEB_LOGS_RAW,
                        webRate, faults, p -> publisher.webAcked.set(p.acknowledged()));
            }
        }, runnable -> new Thread(runnable, "tributary-chaos-web").start());
        fleet.thenCombine(web, Emitted::new).whenComplete((emitted, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(emitted);
            }
        });
        return publisher;
    }

    long acknowledged() {
        return vehicleAcked.get() + webAcked.get();
    }

    private static LogPublisherConfig config(String bootstrap, String clientId) {
        return LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS, bootstrap,
                LogPublisherConfig.CLIENT_ID, clientId,
                LogPublisherConfig.MAX_BLOCK_MS, "600000",
                LogPublisherConfig.DELIVERY_TIMEOUT_MS, "600000",
                LogPublisherConfig.CLOSE_TIMEOUT_MS, "600000"));
    }

    /** A fleet run whose last event is about now, so its events are neither in the future nor hours old. */
    static FleetSpec fleetEndingNow(long seed, long lines) {
        var probe = new FleetSpec(seed, vehicles(), lines, FleetSpec.DEFAULT_START, FunctionCatalogue.standard(), false);
        long[] last = {0};
        new FleetSimulator(probe).generate(line -> last[0] = Math.max(last[0], line.epochMicros()));
        long span = Math.max(0, last[0] - ChronoUnit.MICROS.between(Instant.EPOCH, FleetSpec.DEFAULT_START));
        Instant start = Instant.now().minus(span, ChronoUnit.MICROS).truncatedTo(ChronoUnit.SECONDS);
        return new FleetSpec(seed, vehicles(), lines, start, FunctionCatalogue.standard(), true);
    }

    static WebSpec webEndingNow(long seed, long lines) {
        WebSpec probe = WebSpec.of(seed, lines);
        long[] last = {Long.MIN_VALUE};
        new WebSimulator(probe).generate(line -> last[0] = Math.max(last[0], line.epochMicros()));
        long span = Math.max(0, last[0] - ChronoUnit.MICROS.between(Instant.EPOCH, probe.start()));
        return probe.withStart(Instant.now().minus(span, ChronoUnit.MICROS).truncatedTo(ChronoUnit.SECONDS));
    }

    /** 48 vehicles: 12 per partition of 4, so a backlog's partitions advance together in event time. */
    static int vehicles() {
        return 48;
    }
}
