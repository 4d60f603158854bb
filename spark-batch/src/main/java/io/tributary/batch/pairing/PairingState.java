package io.tributary.batch.pairing;

import java.util.List;

/**
 * What one (vehicle, function) group carries from one micro-batch to the next.
 *
 * @param openCalls STARTs older than the watermark that are still open (the final stack), bottom first
 * @param pending   events not older than the watermark, in pairing order: they may still be joined by out-of-order
 *                  events within the allowed lateness, so they are re-paired each batch and their ids double as the
 *                  duplicate filter (an id older than the watermark can only come back as {@code late})
 * @param emitted   provisional calls currently loaded (from pending events); each is either confirmed when it is
 *                  finalized, replaced when re-pairing changes it, or retracted
 */
public record PairingState(List<PairingEvent> openCalls, List<PairingEvent> pending, List<EmittedCall> emitted) {
    public static final PairingState EMPTY = new PairingState(List.of(), List.of(), List.of());

    public PairingState {
        openCalls = List.copyOf(openCalls);
        pending = List.copyOf(pending);
        emitted = List.copyOf(emitted);
    }

    public boolean isEmpty() {
        return openCalls.isEmpty() && pending.isEmpty() && emitted.isEmpty();
    }

    /** A provisional call as it was loaded: the START (call id), the END that closed it and its depth. */
    public record EmittedCall(String callId, String endEventId, int callDepth) {
        static EmittedCall of(PairedCall call, String endEventId) {
            return new EmittedCall(call.callId(), endEventId, call.callDepth());
        }
    }
}
