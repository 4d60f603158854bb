package io.tributary.batch.pairing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pairs the START/END events of one (vehicle_id, function_name) group into calls (DESIGN.md, "Pairing vehicle
 * start/end events into calls"), so that the result does not depend on where micro-batch boundaries fall, also when
 * events arrive out of order within the allowed lateness.
 *
 * <p>Two parts per batch, both the same {@link CallStack} machine over events in pairing order:
 * <ul>
 *   <li><b>final</b>: pending events older than the watermark are fed to the group's final stack. No event can join
 *   them any more (it would be {@code late}), so these calls and the unmatched_end / unmatched_start decisions are
 *   final; the order they are fed in is the global pairing order whatever the batches were.</li>
 *   <li><b>provisional</b>: the remaining pending events are re-paired on a copy of the final stack, and the calls
 *   they close are loaded right away, so the tail of a stream is visible without waiting for the watermark. When an
 *   out-of-order event changes the pairing, the changed calls are loaded again (same call_id, so UPSERT replaces
 *   them) and calls that vanished are retracted. Unmatched events are quarantined only once final.</li>
 * </ul>
 * Pure Java and deterministic: the same state, events and watermark always give the same result, in any input order.
 */
public final class CallPairer {

    /**
     * (event_time, seq nulls last, END before START, event_id): at equal time without seq the END closes the previous
     * call before the next START opens one; event_id only makes the order total, so replays sort identically.
     */
    static final Comparator<PairingEvent> ORDER = Comparator
            .comparing(PairingEvent::eventTime)
            .thenComparing(PairingEvent::seq, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PairingEvent::isStart)
            .thenComparing(PairingEvent::eventId);

    private final Duration maxCallDuration;

    public CallPairer(Duration maxCallDuration) {
        this.maxCallDuration = Objects.requireNonNull(maxCallDuration, "maxCallDuration");
    }

    /**
     * @param state     the group's state after the previous batch ({@link PairingState#EMPTY} for a new group)
     * @param events    this batch's events of the group, in any order (may be empty: a timeout call)
     * @param watermark the event-time watermark this batch runs under ({@link Instant#EPOCH} before the first); it
     *                  never goes back between batches
     */
    public PairingResult pair(PairingState state, List<PairingEvent> events, Instant watermark) {
        var quarantined = new ArrayList<QuarantinedEvent>();
        var malformed = new ArrayList<QuarantinedEvent>();
        var wellFormed = new ArrayList<PairingEvent>();
        for (var event : events) {
            if (event.isWellFormed()) {
                wellFormed.add(event);
            } else {
                malformed.add(new QuarantinedEvent(QuarantineReason.MALFORMED, event));
            }
        }
        malformed.sort(Comparator.comparing(q -> String.valueOf(q.event().json())));
        quarantined.addAll(malformed);
        wellFormed.sort(ORDER);

        var pending = new ArrayList<>(state.pending());
        var ids = new HashSet<String>();
        pending.forEach(e -> ids.add(e.eventId()));
        int duplicates = 0;
        for (var event : wellFormed) {
            if (!ids.add(event.eventId())) {
                duplicates++;
            } else if (event.eventTime().isBefore(watermark)) {
                quarantined.add(new QuarantinedEvent(QuarantineReason.LATE, event));
            } else {
                pending.add(event);
            }
        }
        pending.sort(ORDER);

        var finalPart = new ArrayList<PairingEvent>();
        var stillPending = new ArrayList<PairingEvent>();
        pending.forEach(e -> (e.eventTime().isBefore(watermark) ? finalPart : stillPending).add(e));

        Map<String, PairingState.EmittedCall> emitted = new LinkedHashMap<>();
        state.emitted().forEach(e -> emitted.put(e.callId(), e));
        var upserts = new ArrayList<PairedCall>();
        var finalized = new ArrayList<PairedCall>();

        CallStack finalStack = new CallStack(maxCallDuration, state.openCalls());
        finalPart.forEach(finalStack::accept);
        finalStack.expireBefore(watermark);
        for (var closed : finalStack.closed) {
            finalized.add(closed.call());
            var before = emitted.remove(closed.call().callId());
            if (!PairingState.EmittedCall.of(closed.call(), closed.endEventId()).equals(before)) {
                upserts.add(closed.call());
            }
        }
        finalStack.unmatchedEnds.forEach(e -> quarantined.add(new QuarantinedEvent(QuarantineReason.UNMATCHED_END, e)));
        finalStack.expiredStarts.forEach(e ->
                quarantined.add(new QuarantinedEvent(QuarantineReason.UNMATCHED_START, e)));

        CallStack provisional = new CallStack(maxCallDuration, finalStack.openCalls());
        stillPending.forEach(provisional::accept);
        var nowEmitted = new ArrayList<PairingState.EmittedCall>();
        for (var closed : provisional.closed) {
            var current = PairingState.EmittedCall.of(closed.call(), closed.endEventId());
            if (!current.equals(emitted.remove(current.callId()))) {
                upserts.add(closed.call());
            }
            nowEmitted.add(current);
        }
        var retracted = new ArrayList<>(emitted.keySet());
        retracted.sort(Comparator.naturalOrder());
        nowEmitted.sort(Comparator.comparing(PairingState.EmittedCall::callId));

        return new PairingResult(upserts, finalized, retracted, quarantined, duplicates,
                new PairingState(finalStack.openCalls(), stillPending, nowEmitted));
    }
}
