package io.tributary.producers.faults;

import java.util.SplittableRandom;

/** Makes one invalid line in the context of a valid one (same key), of a kind picked by the random source. */
@FunctionalInterface
public interface MalformedLines {
    String next(SimLine context, SplittableRandom random);
}
