package io.tributary.producers.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link FleetSimulator} generates.
 *
 * @param seed         same seed and spec, same lines, always
 * @param vehicles     vehicles V001, V002, ...
 * @param targetEvents events to emit; only whole calls are emitted, so an odd target emits one less
 * @param start        instant the first calls start at (each vehicle starts within a second after it)
 * @param recordCalls  whether {@link FleetTruth#calls()} lists every call (for small runs)
 */
public record FleetSpec(long seed, int vehicles, long targetEvents, Instant start, FunctionCatalogue catalogue,
                        boolean recordCalls) {
    public static final Instant DEFAULT_START = Instant.parse("2020-01-01T00:00:00Z");
    /** Runs up to this size list their calls by default. */
    public static final long RECORD_CALLS_LIMIT = 10_000;

    public FleetSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(catalogue, "catalogue");
        if (vehicles < 1) {
            throw new IllegalArgumentException("vehicles must be >= 1, got " + vehicles);
        }
        if (targetEvents < 0) {
            throw new IllegalArgumentException("targetEvents must be >= 0, got " + targetEvents);
        }
        if (start.getEpochSecond() < 0) {
            throw new IllegalArgumentException("start must not be before 1970: " + start);
        }
    }

    public static FleetSpec of(long seed, int vehicles, long targetEvents) {
        return new FleetSpec(seed, vehicles, targetEvents, DEFAULT_START, FunctionCatalogue.standard(),
                targetEvents <= RECORD_CALLS_LIMIT);
    }

    public FleetSpec withRecordCalls(boolean record) {
        return new FleetSpec(seed, vehicles, targetEvents, start, catalogue, record);
    }
}
