package io.tributary.producers.faults;

import io.tributary.events.RawHeaders;
import io.tributary.producers.publish.LogPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Publishes a simulator's lines through a {@link LogPublisher}, through a {@link FaultInjector}, paced, with header
 * {@code source} and, on generated lines, header {@code seq} (so a duplicate keeps its event id).
 */
public final class SimRun {
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(SimRun.class);

    /**
     * @param published       records handed to the publisher so far
     * @param acknowledged    records the brokers acknowledged so far
     * @param eventsPerSecond average publish rate since the start
     * @param done            whether this is the final report (every record acknowledged)
     */
    public record Progress(long published, long acknowledged, double eventsPerSecond, boolean done) {
    }

    /** Some records of a run could not be published; the message says how many and the first cause. */
    public static final class RunException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RunException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SimRun() {
    }

    /**
     * @param generator       streams the simulator's lines to the consumer it is given, in order
     * @param eventsPerSecond target rate of published records; 0 = as fast as the publisher takes them
     * @param progress        called about once a second and once at the end (with {@code done = true})
     * @throws RunException if any record could not be published
     */
    public static FaultTruth publish(Consumer<Consumer<SimLine>> generator, LogPublisher publisher, String topic,
                                     String source, FaultSpec faults, MalformedLines malformed,
                                     double eventsPerSecond, Consumer<Progress> progress) {
        if (eventsPerSecond < 0 || Double.isNaN(eventsPerSecond)) {
            throw new IllegalArgumentException("eventsPerSecond must be >= 0 (0 = unthrottled), got " + eventsPerSecond);
        }
        var acknowledged = new LongAdder();
        var failed = new LongAdder();
        var firstError = new AtomicReference<Throwable>();
        long startNanos = System.nanoTime();
        long[] published = {0};
        long[] nextReport = {startNanos + PROGRESS_INTERVAL_NANOS};
        var injector = new FaultInjector(faults, malformed, emission -> {
            if (eventsPerSecond > 0) {
                long due = startNanos + (long) (published[0] * 1_000_000_000d / eventsPerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            Map<String, String> headers = emission.seq() == null ? Map.of(RawHeaders.SOURCE, source)
                    : Map.of(RawHeaders.SOURCE, source, RawHeaders.SEQ, Long.toString(emission.seq()));
            publisher.publish(topic, emission.key(), emission.line(), headers).whenComplete((metadata, error) -> {
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
                progress.accept(new Progress(published[0], acknowledged.sum(), rate(published[0], startNanos, now),
                        false));
                nextReport[0] = now + PROGRESS_INTERVAL_NANOS;
            }
        });
        generator.accept(injector);
        FaultTruth truth = injector.finish();
        // flush() returns after every send completed and its callback ran, so the counters are final here.
        publisher.flush();
        long total = published[0];
        if (failed.sum() > 0 || acknowledged.sum() != total) {
            throw new RunException(String.format(
                    "%d of %d lines could not be published to %s (acknowledged %d); first error: %s",
                    total - acknowledged.sum(), total, topic, acknowledged.sum(), firstError.get()), firstError.get());
        }
        double rate = rate(total, startNanos, System.nanoTime());
        progress.accept(new Progress(total, acknowledged.sum(), rate, true));
        LOG.info("Published {} {} lines to {} at {} lines/s ({})", total, source, topic, Math.round(rate), truth);
        return truth;
    }

    private static double rate(long count, long startNanos, long nowNanos) {
        long elapsed = Math.max(1, nowNanos - startNanos);
        return count * 1_000_000_000d / elapsed;
    }
}
