package io.tributary.producers.fleet;

import io.tributary.producers.publish.LogPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/** Publishes a simulator's lines through a {@link LogPublisher}, paced, and reports progress. */
public final class FleetRun {
    /** Value of the {@code source} header on every simulated line; the stream processor copies it to events. */
    public static final String SOURCE = "fleet-sim";
    public static final String SOURCE_HEADER = "source";
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(FleetRun.class);

    /**
     * @param published          lines handed to the publisher so far
     * @param acknowledged       lines the brokers acknowledged so far
     * @param eventsPerSecond    average publish rate since the start
     * @param done               whether this is the final report (every line acknowledged)
     */
    public record Progress(long published, long acknowledged, double eventsPerSecond, boolean done) {
    }

    private FleetRun() {
    }

    /**
     * Publishes every line of the simulator to {@code topic} (key = vehicle id, header source=fleet-sim) and returns
     * the run's truth once all lines are acknowledged.
     *
     * @param eventsPerSecond target rate; 0 = as fast as the publisher takes them
     * @param progress        called about once a second and once at the end (with {@code done = true})
     * @throws FleetRunException if any line could not be published
     */
    public static FleetTruth publish(FleetSimulator simulator, LogPublisher publisher, String topic,
                                     double eventsPerSecond, Consumer<Progress> progress) {
        if (eventsPerSecond < 0 || Double.isNaN(eventsPerSecond)) {
            throw new IllegalArgumentException("eventsPerSecond must be >= 0 (0 = unthrottled), got " + eventsPerSecond);
        }
        var acknowledged = new LongAdder();
        var failed = new LongAdder();
        var firstError = new AtomicReference<Throwable>();
        var headers = Map.of(SOURCE_HEADER, SOURCE);
        long startNanos = System.nanoTime();
        long[] published = {0};
        long[] nextReport = {startNanos + PROGRESS_INTERVAL_NANOS};

        FleetTruth truth = simulator.generate(line -> {
            if (eventsPerSecond > 0) {
                long due = startNanos + (long) (published[0] * 1_000_000_000d / eventsPerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            publisher.publish(topic, line.vehicleId(), line.line(), headers).whenComplete((metadata, error) -> {
                if (error == null) {
                    acknowledged.increment();
                } else {
                    failed.increment();
                    firstError.compareAndSet(null, error);
                }
            });
            published[0]++;
            long now = System.nanoTime();
            if (now >= nextReport[0]) {
                progress.accept(new Progress(published[0], acknowledged.sum(), rate(published[0], startNanos, now), false));
                nextReport[0] = now + PROGRESS_INTERVAL_NANOS;
            }
        });
        // flush() returns after every send completed and its callback ran, so the counters are final here.
        publisher.flush();
        long total = published[0];
        if (failed.sum() > 0 || acknowledged.sum() != total) {
            throw new FleetRunException(String.format(
                    "%d of %d lines could not be published to %s (acknowledged %d); first error: %s",
                    total - acknowledged.sum(), total, topic, acknowledged.sum(), firstError.get()), firstError.get());
        }
        double rate = rate(total, startNanos, System.nanoTime());
        progress.accept(new Progress(total, acknowledged.sum(), rate, true));
        LOG.info("Published {} fleet lines ({} calls, {} vehicles) to {} at {} lines/s",
                total, truth.completeCalls(), simulator.spec().vehicles(), topic, Math.round(rate));
        return truth;
    }

    private static double rate(long count, long startNanos, long nowNanos) {
        long elapsed = Math.max(1, nowNanos - startNanos);
        return count * 1_000_000_000d / elapsed;
    }

    /** Some lines of a run could not be published; the message says how many and the first cause. */
    public static final class FleetRunException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FleetRunException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
