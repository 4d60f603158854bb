package io.tributary.producers.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One top-level call of a vehicle with its nested calls. Durations are decided top-down: a top-level call lasts its
 * log-normal sample; its children draw their own samples, squeezed proportionally when together they would not fit in
 * 80 % of the parent (a nested call cannot outlast its caller). Children sit strictly inside their parent (never
 * starting or ending at its instants), so no two calls of a vehicle start at the same instant; adjacent siblings may
 * touch (an END and the next START at the same instant).
 */
final class CallTree {
    static final int MAX_NESTING = 4;
    private static final double[] CHILD_PROBABILITY = {0.65, 0.45, 0.30, 0.20};
    private static final int MAX_CHILDREN = 4;
    private static final double BACK_TO_BACK_SIBLING = 0.35;
    private static final double RECURSION = 0.20;
    private static final double CHILDREN_SHARE = 0.8;

    final int function;
    final long durationMicros;
    final List<CallTree> children = new ArrayList<>();
    /** Whether this call starts exactly when its previous sibling ends. */
    final boolean touchesPrevious;
    long startMicros;

    private CallTree(int function, long durationMicros, boolean touchesPrevious) {
        this.function = function;
        this.durationMicros = durationMicros;
        this.touchesPrevious = touchesPrevious;
    }

    long endMicros() {
        return startMicros + durationMicros;
    }

    /** Grows a top-level call of {@code function}; every call made is taken from {@code budget[0]}, never below 0. */
    static CallTree grow(int function, long[] budget, FunctionCatalogue catalogue, SplittableRandom random) {
        budget[0]--;
        return grow(function, sampleMicros(catalogue.get(function), random), 0, false, budget, catalogue, random);
    }

    private static CallTree grow(int function, long duration, int nesting, boolean touchesPrevious, long[] budget,
                                 FunctionCatalogue catalogue, SplittableRandom random) {
        var call = new CallTree(function, duration, touchesPrevious);
        // two microseconds of the parent stay outside its children; each child needs at least one
        long room = duration - 2;
        var functions = new ArrayList<Integer>();
        var touches = new ArrayList<Boolean>();
        while (nesting < MAX_NESTING && functions.size() < MAX_CHILDREN && functions.size() < room
                && budget[0] > 0 && random.nextDouble() < CHILD_PROBABILITY[nesting]) {
            budget[0]--; // reserved now, so the children's own descendants cannot overdraw the budget
            boolean touch = !functions.isEmpty() && random.nextDouble() < BACK_TO_BACK_SIBLING;
            functions.add(touch ? functions.get(functions.size() - 1) : chooseChild(function, catalogue.size(), random));
            touches.add(touch);
        }
        long[] durations = new long[functions.size()];
        long total = 0;
        for (int i = 0; i < durations.length; i++) {
            durations[i] = sampleMicros(catalogue.get(functions.get(i)), random);
            total += durations[i];
        }
        long fits = Math.max(durations.length, (long) (room * CHILDREN_SHARE));
        if (total > fits) {
            for (int i = 0; i < durations.length; i++) {
                durations[i] = Math.max(1, (long) Math.floor((double) durations[i] * fits / total));
            }
        }
        // rounding 0 up to 1 can overshoot a tiny parent: take the excess from the longest child
        long span = java.util.Arrays.stream(durations).sum();
        while (span > room && durations.length > 0) {
            int longest = 0;
            for (int i = 1; i < durations.length; i++) {
                longest = durations[i] > durations[longest] ? i : longest;
            }
            durations[longest]--;
            span--;
        }
        for (int i = 0; i < durations.length; i++) {
            call.children.add(grow(functions.get(i), durations[i], nesting + 1, touches.get(i), budget, catalogue,
                    random));
        }
        return call;
    }

    private static int chooseChild(int parent, int functions, SplittableRandom random) {
        if (random.nextDouble() < RECURSION) {
            return parent;
        }
        int other = random.nextInt(functions - 1);
        return other >= parent ? other + 1 : other;
    }

    /** Log-normal duration, at least one microsecond: a call never has zero length. */
    static long sampleMicros(FunctionProfile profile, SplittableRandom random) {
        double seconds = profile.medianSeconds() * Math.exp(profile.sigma() * random.nextGaussian());
        return Math.max(1L, Math.round(seconds * 1_000_000d));
    }

    /** Fixes start instants of this call and its descendants, spreading the parent's spare time over the gaps. */
    void place(long start, SplittableRandom random) {
        startMicros = start;
        if (children.isEmpty()) {
            return;
        }
        int gaps = children.size() + 1;
        long childSpan = children.stream().mapToLong(c -> c.durationMicros).sum();
        long spare = durationMicros - childSpan - 2;
        double[] weights = new double[gaps];
        double total = 0;
        for (int i = 0; i < gaps; i++) {
            boolean forcedZero = i > 0 && i < children.size() && children.get(i).touchesPrevious;
            weights[i] = forcedZero ? 0 : -Math.log(1 - random.nextDouble());
            total += weights[i];
        }
        long[] gap = new long[gaps];
        long assigned = 0;
        for (int i = 0; i < gaps; i++) {
            gap[i] = total == 0 ? 0 : (long) Math.floor(spare * (weights[i] / total));
            assigned += gap[i];
        }
        gap[gaps - 1] += spare - assigned;
        long cursor = start + 1 + gap[0];
        for (int i = 0; i < children.size(); i++) {
            CallTree child = children.get(i);
            if (i > 0) {
                cursor += gap[i];
            }
            child.place(cursor, random);
            cursor = child.endMicros();
        }
    }
}
