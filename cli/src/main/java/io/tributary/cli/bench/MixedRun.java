package io.tributary.cli.bench;

import io.tributary.events.Topics;
import io.tributary.producers.faults.FaultSpec;
import io.tributary.producers.faults.SimLine;
import io.tributary.producers.faults.SimRun;
import io.tributary.producers.faults.VehicleMalformedLines;
import io.tributary.producers.fleet.FleetRun;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetTruth;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.producers.web.WebMalformedLines;
import io.tributary.producers.web.WebRun;
import io.tributary.producers.web.WebSimulator;
import io.tributary.producers.web.WebSpec;
import io.tributary.producers.web.WebTruth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes the fleet's and the web simulator's lines at the same time, each through its own {@link LogPublisher}
 * (two services, two producers), with the simulators' ground truth. Either as fast as Kafka takes them, or paced at
 * a fixed line rate per simulator with each line's event time rewritten to its publish time ({@link LineRetimer}).
 */
public final class MixedRun {
    /** What was published; {@code *DoneNanos} is when that part's last line was acknowledged (0 when empty). */
    record Result(FleetTruth fleet, WebTruth web, long fleetDoneNanos, long webDoneNanos) {
        long doneNanos() {
            return Math.max(fleetDoneNanos, webDoneNanos);
        }
    }

    /** Lines per second of each simulator, for a paced run. */
    record Pace(double vehicleLinesPerSecond, double webLinesPerSecond) {
    }

    /** Acknowledged lines so far, for progress lines. */
    static final class Acked {
        final AtomicLong vehicle = new AtomicLong();
        final AtomicLong web = new AtomicLong();

        long total() {
            return vehicle.get() + web.get();
        }
    }

    private MixedRun() {
    }

    /**
     * @param pace null = as fast as Kafka takes them (event times as simulated); else paced and retimed
     * @throws IllegalStateException naming the part whose lines could not all be published
     */
    static Result publish(Workload workload, String bootstrap, Pace pace, Acked acked) throws InterruptedException {
        var fleet = CompletableFuture.supplyAsync(() -> {
            if (workload.vehicleEvents() == 0) {
                return new Timed<>(emptyFleet(), 0L);
            }
            try (var publisher = publisher(bootstrap, "tributary-bench-fleet")) {
                FleetTruth truth = pace == null
                        ? FleetRun.publish(new FleetSimulator(workload.fleet()), publisher, Topics.VEHICLE_LOGS_RAW, 0,
                                p -> acked.vehicle.set(p.acknowledged()))
                        : pacedFleet(workload, publisher, pace.vehicleLinesPerSecond(), acked.vehicle);
                acked.vehicle.set(truth.events());
                return new Timed<>(truth, System.nanoTime());
            }
        }, MixedRun::runOnNewThread);
        var web = CompletableFuture.supplyAsync(() -> {
            if (workload.webLines() == 0) {
                return new Timed<>(emptyWeb(), 0L);
            }
            try (var publisher = publisher(bootstrap, "tributary-bench-web")) {
                WebTruth truth = pace == null
                        ? WebRun.publish(new WebSimulator(workload.web()), publisher, Topics.WEB_LOGS_RAW, 0,
                                FaultSpec.none(), p -> acked.web.set(p.acknowledged())).web()
                        : pacedWeb(workload.web(), publisher, pace.webLinesPerSecond(), acked.web);
                acked.web.set(truth.lines());
                return new Timed<>(truth, System.nanoTime());
            }
        }, MixedRun::runOnNewThread);
        Timed<FleetTruth> f = await(fleet, "vehicle");
        Timed<WebTruth> w = await(web, "web");
        return new Result(f.value(), w.value(), f.nanos(), w.nanos());
    }

    private static FleetTruth pacedFleet(Workload workload, LogPublisher publisher, double linesPerSecond,
                                         AtomicLong acked) {
        var truth = new AtomicReference<FleetTruth>();
        var clock = new LineRetimer.MonotonicMicros();
        var pacer = new Pacer(linesPerSecond);
        SimRun.publish(sink -> truth.set(new FleetSimulator(workload.fleet()).generate(line -> {
                    pacer.awaitNext();
                    long now = clock.now();
                    sink.accept(new SimLine(line.vehicleId(), now, LineRetimer.vehicle(line.line(), now)));
                })), publisher, Topics.VEHICLE_LOGS_RAW, FleetRun.SOURCE, FaultSpec.none(), new VehicleMalformedLines(),
                0, p -> acked.set(p.acknowledged()));
        return truth.get();
    }

    /**
     * Publishes the web simulator's lines at a fixed rate, each line's time rewritten to the moment it is published:
     * live traffic, whose event-to-queryable latency is the pipeline's.
     */
    public static WebTruth pacedWeb(WebSpec spec, LogPublisher publisher, double linesPerSecond, AtomicLong acked) {
        var truth = new AtomicReference<WebTruth>();
        var clock = new LineRetimer.MonotonicMicros();
        var pacer = new Pacer(linesPerSecond);
        SimRun.publish(sink -> truth.set(new WebSimulator(spec).generate(line -> {
                    pacer.awaitNext();
                    long now = clock.now();
                    sink.accept(new SimLine(line.key(), now, LineRetimer.web(line.line(), now)));
                })), publisher, Topics.WEB_LOGS_RAW, WebRun.SOURCE, FaultSpec.none(), new WebMalformedLines(),
                0, p -> acked.set(p.acknowledged()));
        return truth.get();
    }

    /** Releases line i at start + i / rate; a publisher that falls behind catches up without sleeping. */
    static final class Pacer {
        private final double nanosPerLine;
        private long started;
        private long released;

        Pacer(double linesPerSecond) {
            if (!(linesPerSecond > 0)) {
                throw new IllegalArgumentException("lines per second must be > 0, got " + linesPerSecond);
            }
            this.nanosPerLine = 1e9 / linesPerSecond;
        }

        void awaitNext() {
            if (released == 0) {
                started = System.nanoTime();
            }
            long due = started + (long) (released * nanosPerLine);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            released++;
        }
    }

    private record Timed<T>(T value, long nanos) {
    }

    private static LogPublisher publisher(String bootstrap, String clientId) {
        return new LogPublisher(LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS, bootstrap,
                LogPublisherConfig.CLIENT_ID, clientId, LogPublisherConfig.PRODUCER_PREFIX + "partitioner.class",
                BalancedVehiclePartitioner.class.getName())));
    }

    private static <T> Timed<T> await(CompletableFuture<Timed<T>> future, String part) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("publishing the " + part + " lines failed: " + cause.getMessage(), cause);
        }
    }

    private static void runOnNewThread(Runnable task) {
        Thread thread = new Thread(task, "bench-publish");
        thread.setDaemon(true);
        thread.start();
    }

    private static FleetTruth emptyFleet() {
        return new FleetTruth(0, 0, Map.of(), Map.of(), 0, java.util.List.of());
    }

    private static WebTruth emptyWeb() {
        return new WebTruth(0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
