package io.tributary.producers.faults;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Turns a simulator's lines into the records to publish, injecting the faults of a {@link FaultSpec}: at most one of
 * duplicate / reorder / late per line, and independently an extra malformed line. Every generated line gets its
 * per-key sequence ({@code seq}) in generation order, so reordered, late and duplicated copies keep their identity.
 * Deterministic: same lines and spec, same emissions. Not thread-safe; call {@link #finish()} once at the end.
 */
public final class FaultInjector implements Consumer<SimLine> {
    private final FaultSpec spec;
    private final MalformedLines malformed;
    private final Consumer<Emission> out;
    private final SplittableRandom random;
    private final Map<String, Long> seqByKey = new HashMap<>();
    private final PriorityQueue<Held> reorderQueue = new PriorityQueue<>(Comparator.comparingLong(Held::due)
            .thenComparingLong(Held::order));
    private final PriorityQueue<Held> lateQueue = new PriorityQueue<>(Comparator.comparingLong(Held::due)
            .thenComparingLong(Held::order));
    private final long lateByMicros;
    private long emitted;
    private long order;
    private long events;
    private long deadLetters;
    private long duplicates;
    private long reordered;
    private long late;

    private record Held(long due, long order, Emission emission) {
    }

    public FaultInjector(FaultSpec spec, MalformedLines malformed, Consumer<Emission> out) {
        this.spec = spec;
        this.malformed = malformed;
        this.out = out;
        this.random = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
        this.lateByMicros = spec.lateBy().toNanos() / 1_000;
    }

    @Override
    public void accept(SimLine line) {
        releaseLate(line.epochMicros());
        long seq = seqByKey.merge(line.key(), 1L, Long::sum);
        events++;
        double fault = random.nextDouble();
        if (fault < spec.duplicateRate()) {
            emit(new Emission(line.key(), line.line(), seq, Emission.Kind.ORIGINAL));
            duplicates++;
            emit(new Emission(line.key(), line.line(), seq, Emission.Kind.DUPLICATE));
        } else if (fault < spec.duplicateRate() + spec.reorderRate()) {
            reordered++;
            long after = 1 + random.nextInt(spec.reorderWindow());
            reorderQueue.add(new Held(emitted + after, order++,
                    new Emission(line.key(), line.line(), seq, Emission.Kind.REORDERED)));
        } else if (fault < spec.duplicateRate() + spec.reorderRate() + spec.lateRate()) {
            late++;
            lateQueue.add(new Held(line.epochMicros() + lateByMicros, order++,
                    new Emission(line.key(), line.line(), seq, Emission.Kind.LATE)));
        } else {
            emit(new Emission(line.key(), line.line(), seq, Emission.Kind.ORIGINAL));
        }
        if (random.nextDouble() < spec.malformedRate()) {
            deadLetters++;
            emit(new Emission(line.key(), malformed.next(line, random), null, Emission.Kind.MALFORMED));
        }
    }

    private void emit(Emission emission) {
        out.accept(emission);
        emitted++;
        while (!reorderQueue.isEmpty() && reorderQueue.peek().due() <= emitted) {
            out.accept(reorderQueue.poll().emission());
            emitted++;
        }
    }

    private void releaseLate(long nowMicros) {
        while (!lateQueue.isEmpty() && lateQueue.peek().due() <= nowMicros) {
            emit(lateQueue.poll().emission());
        }
    }

    /** Publishes what is still held (reordered lines, then late ones) and returns the run's truth. */
    public FaultTruth finish() {
        while (!reorderQueue.isEmpty()) {
            out.accept(reorderQueue.poll().emission());
            emitted++;
        }
        while (!lateQueue.isEmpty()) {
            out.accept(lateQueue.poll().emission());
            emitted++;
        }
        return new FaultTruth(emitted, events, deadLetters, duplicates, reordered, late);
    }
}
