package io.tributary.producers.fleet;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * A deterministic fleet of vehicles writing function START/END log lines (the seed CSV form), with nested calls of
 * other functions, recursive calls of the same function, and back-to-back calls at equal timestamps. Lines of all
 * vehicles are merged in time order (ties by vehicle), so a paced run looks like a live fleet; each vehicle's lines
 * are in time order, an END before a START at the same instant.
 */
public final class FleetSimulator {
    private final FleetSpec spec;

    public FleetSimulator(FleetSpec spec) {
        this.spec = spec;
    }

    public FleetSpec spec() {
        return spec;
    }

    /**
     * Streams every line to {@code sink} and returns what was emitted. Each call regenerates the same lines from the
     * seed. Memory stays bounded by one call tree per vehicle, whatever the target.
     */
    public FleetTruth generate(Consumer<FleetLine> sink) {
        var truth = new TruthRecorder(spec.recordCalls());
        var queue = new PriorityQueue<VehicleTimeline>(
                Comparator.comparingLong(VehicleTimeline::peekMicros).thenComparingInt(v -> v.index));
        long calls = spec.targetEvents() / 2;
        for (int i = 0; i < spec.vehicles(); i++) {
            long share = calls / spec.vehicles() + (i < calls % spec.vehicles() ? 1 : 0);
            var vehicle = new VehicleTimeline(i, share, spec, truth);
            if (vehicle.hasNext()) {
                queue.add(vehicle);
            }
        }
        long events = 0;
        while (!queue.isEmpty()) {
            VehicleTimeline vehicle = queue.poll();
            sink.accept(vehicle.next());
            events++;
            if (vehicle.hasNext()) {
                queue.add(vehicle);
            }
        }
        return truth.truth(events);
    }
}
