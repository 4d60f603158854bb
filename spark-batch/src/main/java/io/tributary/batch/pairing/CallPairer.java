package io.tributary.batch.pairing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Pairs the START/END events of one (vehicle_id, function_name) group into calls (DESIGN.md, "Pairing vehicle
 * start/end events into calls"). Pure Java and deterministic, so the Spark state function is a thin adapter and the
 * rules are unit-tested without Spark: the same state, events and watermark always give the same result, whatever
 * order the events come in.
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
     * @param watermark the event-time watermark this batch runs under ({@link Instant#EPOCH} before the first)
     */
    public PairingResult pair(PairingState state, List<PairingEvent> events, Instant watermark) {
        var calls = new ArrayList<PairedCall>();
        var quarantined = new ArrayList<QuarantinedEvent>();
        Deque<PairingEvent> open = new ArrayDeque<>(state.openCalls()); // head = bottom, tail = top
        var seenIds = new HashSet<String>();
        var seen = new ArrayList<PairingState.SeenEvent>();
        for (var s : state.seen()) {
            if (seenIds.add(s.eventId())) {
                seen.add(s);
            }
        }

        var wellFormed = new ArrayList<PairingEvent>();
        for (var event : events) {
            if (event.isWellFormed()) {
                wellFormed.add(event);
            } else {
                quarantined.add(new QuarantinedEvent(QuarantineReason.MALFORMED, event));
            }
        }
        quarantined.sort(Comparator.comparing(q -> String.valueOf(q.event().json())));
        wellFormed.sort(ORDER);

        int duplicates = 0;
        for (var event : wellFormed) {
            if (!seenIds.add(event.eventId())) {
                duplicates++;
                continue;
            }
            seen.add(new PairingState.SeenEvent(event.eventId(), event.eventTime()));
            if (event.eventTime().isBefore(watermark)) {
                quarantined.add(new QuarantinedEvent(QuarantineReason.LATE, event));
            } else if (event.isStart()) {
                open.addLast(event);
            } else if (open.isEmpty()) {
                quarantined.add(new QuarantinedEvent(QuarantineReason.UNMATCHED_END, event));
            } else {
                PairingEvent start = open.removeLast();
                calls.add(call(start, event, open.size()));
            }
        }

        expireOpenCalls(open, watermark, quarantined);
        seen.removeIf(s -> s.eventTime().isBefore(watermark));
        seen.sort(Comparator.comparing(PairingState.SeenEvent::eventTime).thenComparing(PairingState.SeenEvent::eventId));
        return new PairingResult(calls, quarantined, duplicates, new PairingState(new ArrayList<>(open), seen));
    }

    /** A START whose call would exceed the maximum duration even if its END came right at the watermark. */
    private void expireOpenCalls(Deque<PairingEvent> open, Instant watermark, List<QuarantinedEvent> quarantined) {
        var iterator = open.iterator();
        while (iterator.hasNext()) {
            PairingEvent start = iterator.next();
            if (start.eventTime().plus(maxCallDuration).isBefore(watermark)) {
                quarantined.add(new QuarantinedEvent(QuarantineReason.UNMATCHED_START, start));
                iterator.remove();
            }
        }
    }

    private static PairedCall call(PairingEvent start, PairingEvent end, int depth) {
        long micros = ChronoUnit.MICROS.between(start.eventTime(), end.eventTime());
        return new PairedCall(start.eventId(), start.vehicleId(), start.functionName(), start.eventTime(),
                end.eventTime(), BigDecimal.valueOf(micros, 6), depth,
                LocalDate.ofInstant(start.eventTime(), ZoneOffset.UTC));
    }
}
