package io.tributary.batch.pairing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The pairing state machine of DESIGN.md over events already in pairing order: a START pushes, an END pops (LIFO),
 * and a START whose call would be longer than the maximum duration expires as soon as event time (an event's time or
 * the watermark) passes start + max. Expiring by event time, not by when a batch happens to run, is what makes the
 * outcome independent of batch boundaries.
 */
final class CallStack {
    private final Duration maxCallDuration;
    private final Deque<PairingEvent> open; // head = bottom, tail = top
    final List<Closed> closed = new ArrayList<>();
    final List<PairingEvent> unmatchedEnds = new ArrayList<>();
    final List<PairingEvent> expiredStarts = new ArrayList<>();

    /** A call with the id of the END that closed it. */
    record Closed(PairedCall call, String endEventId) {
    }

    CallStack(Duration maxCallDuration, List<PairingEvent> openCalls) {
        this.maxCallDuration = maxCallDuration;
        this.open = new ArrayDeque<>(openCalls);
    }

    void accept(PairingEvent event) {
        expireBefore(event.eventTime());
        if (event.isStart()) {
            open.addLast(event);
        } else if (open.isEmpty()) {
            unmatchedEnds.add(event);
        } else {
            PairingEvent start = open.removeLast();
            closed.add(new Closed(call(start, event, open.size()), event.eventId()));
        }
    }

    /** Expires every open START with start + max call duration before {@code time}. */
    void expireBefore(Instant time) {
        Iterator<PairingEvent> iterator = open.iterator();
        while (iterator.hasNext()) {
            PairingEvent start = iterator.next();
            if (start.eventTime().plus(maxCallDuration).isBefore(time)) {
                expiredStarts.add(start);
                iterator.remove();
            }
        }
    }

    List<PairingEvent> openCalls() {
        return new ArrayList<>(open);
    }

    private static PairedCall call(PairingEvent start, PairingEvent end, int depth) {
        long micros = ChronoUnit.MICROS.between(start.eventTime(), end.eventTime());
        return new PairedCall(start.eventId(), start.vehicleId(), start.functionName(), start.eventTime(),
                end.eventTime(), BigDecimal.valueOf(micros, 6), depth,
                LocalDate.ofInstant(start.eventTime(), ZoneOffset.UTC));
    }
}
