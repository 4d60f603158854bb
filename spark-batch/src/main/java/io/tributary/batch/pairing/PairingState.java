package io.tributary.batch.pairing;

import java.util.List;

/**
 * What one (vehicle, function) group carries from one micro-batch to the next.
 *
 * @param openCalls the START events still open, bottom of the stack first
 * @param seen      ids of events not yet older than the watermark, to count repeats as duplicates
 */
public record PairingState(List<PairingEvent> openCalls, List<SeenEvent> seen) {
    public static final PairingState EMPTY = new PairingState(List.of(), List.of());

    public PairingState {
        openCalls = List.copyOf(openCalls);
        seen = List.copyOf(seen);
    }

    public boolean isEmpty() {
        return openCalls.isEmpty() && seen.isEmpty();
    }

    /** An event id with its time; the time says when the id can be forgotten. */
    public record SeenEvent(String eventId, java.time.Instant eventTime) {
    }
}
