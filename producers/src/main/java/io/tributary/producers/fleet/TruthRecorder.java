package io.tributary.producers.fleet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts what a run generated, as it is generated, into a {@link FleetTruth}. */
final class TruthRecorder {
    private final boolean recordCalls;
    private final Map<String, Long> callsPerFunction = new HashMap<>();
    private final Map<Integer, Long> callsPerDepth = new HashMap<>();
    private final List<ExpectedCall> calls = new ArrayList<>();
    private long completeCalls;
    private long backToBack;

    TruthRecorder(boolean recordCalls) {
        this.recordCalls = recordCalls;
    }

    void call(String vehicleId, String function, long startMicros, long endMicros, int depth, boolean touchesPrevious) {
        completeCalls++;
        callsPerFunction.merge(function, 1L, Long::sum);
        callsPerDepth.merge(depth, 1L, Long::sum);
        if (touchesPrevious) {
            backToBack++;
        }
        if (recordCalls) {
            calls.add(new ExpectedCall(vehicleId, function, instant(startMicros), instant(endMicros), depth));
        }
    }

    FleetTruth truth(long events) {
        return new FleetTruth(events, completeCalls, callsPerFunction, callsPerDepth, backToBack, calls);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
