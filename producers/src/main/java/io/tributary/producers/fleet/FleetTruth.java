package io.tributary.producers.fleet;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a simulator run emitted, for tests and demos to compare the pipeline's output against.
 *
 * @param events           lines emitted
 * @param completeCalls    calls emitted; every call is complete, so {@code events == 2 * completeCalls}
 * @param callsPerFunction calls per function name (sorted by name)
 * @param callsPerDepth    calls per depth (depth = open calls of the same vehicle and function below the call)
 * @param backToBackCalls  calls whose START has the same timestamp as the END of the previous call of the same
 *                         vehicle and function
 * @param calls            every call, in emission order of their START, if the spec asked for it; else empty
 */
public record FleetTruth(long events, long completeCalls, Map<String, Long> callsPerFunction,
                         Map<Integer, Long> callsPerDepth, long backToBackCalls, List<ExpectedCall> calls) {
    public FleetTruth {
        callsPerFunction = Collections.unmodifiableMap(new TreeMap<>(callsPerFunction));
        callsPerDepth = Collections.unmodifiableMap(new TreeMap<>(callsPerDepth));
        calls = List.copyOf(calls);
    }
}
