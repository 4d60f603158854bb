package io.tributary.producers.fleet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The lines of one vehicle, in time order, generated one top-level call tree at a time so a large run never holds
 * more than the current tree. Top-level calls follow each other with a pause, or back-to-back (same function, the next
 * START at the END's instant).
 */
final class VehicleTimeline {
    private static final double BACK_TO_BACK_TOP_LEVEL = 0.25;
    private static final double MEAN_PAUSE_SECONDS = 0.2;

    final String vehicleId;
    final int index;
    private final FunctionCatalogue catalogue;
    private final SplittableRandom random;
    private final TruthRecorder truth;
    private final long[] budget;
    private final ArrayDeque<Long> pendingMicros = new ArrayDeque<>();
    private final ArrayDeque<String> pendingLines = new ArrayDeque<>();
    private final int[] openByFunction;
    private final long[] lastEndByFunction;
    private long clockMicros;
    private int lastTopFunction = -1;

    VehicleTimeline(int index, long calls, FleetSpec spec, TruthRecorder truth) {
        this.index = index;
        this.vehicleId = String.format("V%03d", index + 1);
        this.catalogue = spec.catalogue();
        // One stream per vehicle: a vehicle's lines do not depend on how vehicles interleave or how many there are.
        this.random = new SplittableRandom(mix(spec.seed(), index));
        this.truth = truth;
        this.budget = new long[] {calls};
        this.openByFunction = new int[catalogue.size()];
        this.lastEndByFunction = new long[catalogue.size()];
        Arrays.fill(lastEndByFunction, Long.MIN_VALUE);
        this.clockMicros = toMicros(spec.start()) + random.nextLong(1_000_000);
    }

    boolean hasNext() {
        if (pendingLines.isEmpty() && budget[0] > 0) {
            nextTree();
        }
        return !pendingLines.isEmpty();
    }

    /** Time of the next line; call only after {@link #hasNext()} returned true. */
    long peekMicros() {
        return pendingMicros.getFirst();
    }

    FleetLine next() {
        return new FleetLine(vehicleId, pendingMicros.removeFirst(), pendingLines.removeFirst());
    }

    private void nextTree() {
        boolean backToBack = lastTopFunction >= 0 && random.nextDouble() < BACK_TO_BACK_TOP_LEVEL;
        int function = backToBack ? lastTopFunction : random.nextInt(catalogue.size());
        long start = backToBack ? clockMicros
                : clockMicros + Math.round(-Math.log(1 - random.nextDouble()) * MEAN_PAUSE_SECONDS * 1_000_000d);
        CallTree tree = CallTree.grow(function, budget, catalogue, random);
        tree.place(start, random);
        emit(tree);
        clockMicros = tree.endMicros();
        lastTopFunction = function;
    }

    private void emit(CallTree call) {
        int function = call.function;
        String name = catalogue.get(function).name();
        add(call.startMicros, name, "start");
        truth.call(vehicleId, name, call.startMicros, call.endMicros(), openByFunction[function],
                lastEndByFunction[function] == call.startMicros);
        openByFunction[function]++;
        for (CallTree child : call.children) {
            emit(child);
        }
        openByFunction[function]--;
        add(call.endMicros(), name, "end");
        lastEndByFunction[function] = call.endMicros();
    }

    private void add(long micros, String function, String event) {
        pendingMicros.addLast(micros);
        pendingLines.addLast(line(vehicleId, micros, function, event));
    }

    /** The seed CSV form: {@code V001,1577836800.125000,lidar_fusion,start}. */
    static String line(String vehicleId, long micros, String function, String event) {
        var text = new StringBuilder(vehicleId.length() + function.length() + 30);
        text.append(vehicleId).append(',').append(micros / 1_000_000).append('.');
        String fraction = Long.toString(micros % 1_000_000);
        text.append("000000", 0, 6 - fraction.length()).append(fraction);
        return text.append(',').append(function).append(',').append(event).toString();
    }

    static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static long mix(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
