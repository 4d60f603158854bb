package io.tributary.producers.fleet;

import io.tributary.producers.faults.FaultSpec;
import io.tributary.producers.faults.FaultTruth;
import io.tributary.producers.faults.SimLine;
import io.tributary.producers.faults.SimRun;
import io.tributary.producers.faults.VehicleMalformedLines;
import io.tributary.producers.publish.LogPublisher;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Publishes a fleet simulator's lines through a {@link LogPublisher}, paced, optionally with injected faults. Every
 * generated line carries headers {@code source=fleet-sim} and {@code seq} (its per-vehicle sequence), so the stream
 * processors give a re-sent line the same event id.
 */
public final class FleetRun {
    /** Value of the {@code source} header on every simulated line; the stream processor copies it to events. */
    public static final String SOURCE = "fleet-sim";
    public static final String SOURCE_HEADER = "source";

    /**
     * @param published       lines handed to the publisher so far
     * @param acknowledged    lines the brokers acknowledged so far
     * @param eventsPerSecond average publish rate since the start
     * @param done            whether this is the final report (every line acknowledged)
     */
    public record Progress(long published, long acknowledged, double eventsPerSecond, boolean done) {
    }

    /** What a run generated (calls) and what it published (lines by expected outcome). */
    public record Result(FleetTruth fleet, FaultTruth faults) {
    }

    private FleetRun() {
    }

    /**
     * Publishes every line of the simulator to {@code topic} (key = vehicle id) without faults and returns the run's
     * truth once all lines are acknowledged.
     *
     * @param eventsPerSecond target rate; 0 = as fast as the publisher takes them
     * @param progress        called about once a second and once at the end (with {@code done = true})
     * @throws FleetRunException if any line could not be published
     */
    public static FleetTruth publish(FleetSimulator simulator, LogPublisher publisher, String topic,
                                     double eventsPerSecond, Consumer<Progress> progress) {
        return publish(simulator, publisher, topic, eventsPerSecond, FaultSpec.none(), progress).fleet();
    }

    /** As above, injecting the faults of {@code faults}; the result says what the stream processors must make of it. */
    public static Result publish(FleetSimulator simulator, LogPublisher publisher, String topic,
                                 double eventsPerSecond, FaultSpec faults, Consumer<Progress> progress) {
        var fleet = new AtomicReference<FleetTruth>();
        try {
            FaultTruth published = SimRun.publish(sink -> fleet.set(simulator.generate(line ->
                            sink.accept(new SimLine(line.vehicleId(), line.epochMicros(), line.line())))),
                    publisher, topic, SOURCE, faults, new VehicleMalformedLines(), eventsPerSecond,
                    p -> progress.accept(new Progress(p.published(), p.acknowledged(), p.eventsPerSecond(), p.done())));
            return new Result(fleet.get(), published);
        } catch (SimRun.RunException e) {
            throw new FleetRunException(e.getMessage(), e.getCause());
        }
    }

    /** Some lines of a run could not be published; the message says how many and the first cause. */
    public static final class FleetRunException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FleetRunException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
