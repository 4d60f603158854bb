package io.tributary.batch.pairing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CallPairerTest {
    private static final Duration MAX_CALL = Duration.ofHours(1);
    private static final Instant NO_WATERMARK = Instant.EPOCH;
    private static final LocalDate DAY = LocalDate.parse("2020-01-01");

    private final CallPairer pairer = new CallPairer(MAX_CALL);

    @Test
    void nestedCallsOfOneFunctionCloseInnermostFirstWithDepths() {
        var outer = start("s-outer", "00:00:00.125000");
        var inner = start("s-inner", "00:00:01.000000");
        var innerEnd = end("e-inner", "00:00:02.500001");
        var outerEnd = end("e-outer", "00:00:03.000000");

        var result = pairer.pair(PairingState.EMPTY, List.of(outerEnd, inner, outer, innerEnd), NO_WATERMARK);

        assertThat(result).isEqualTo(new PairingResult(
                List.of(call(inner, innerEnd, "1.500001", 1), call(outer, outerEnd, "2.875000", 0)),
                List.of(), 0, new PairingState(List.of(), seen(outer, inner, innerEnd, outerEnd))));
    }

    @Test
    void endAndStartAtTheSameTimeWithoutSeqCloseTheFirstCallBeforeOpeningTheNext() {
        var first = start("s-1", "00:00:00.000000");
        var firstEnd = end("e-1", "00:00:01.000000");
        var second = start("s-2", "00:00:01.000000");
        var secondEnd = end("e-2", "00:00:02.000000");

        var result = pairer.pair(PairingState.EMPTY, List.of(second, firstEnd, secondEnd, first), NO_WATERMARK);

        assertThat(result.calls()).containsExactly(
                call(first, firstEnd, "1.000000", 0), call(second, secondEnd, "1.000000", 0));
        assertThat(result.quarantined()).isEmpty();
        assertThat(result.state().openCalls()).isEmpty();
    }

    @Test
    void seqOrdersEventsWithTheSameTime() {
        var open = new PairingEvent("s-1", "V1", "lidar", "START", t("00:00:01.000000"), 7L, "{}");
        var close = new PairingEvent("e-1", "V1", "lidar", "END", t("00:00:01.000000"), 8L, "{}");

        var result = pairer.pair(PairingState.EMPTY, List.of(close, open), NO_WATERMARK);

        assertThat(result.calls()).containsExactly(call(open, close, "0.000000", 0));
        assertThat(result.quarantined()).isEmpty();
    }

    @Test
    void callStartedInOneBatchIsClosedByAnEndInTheNext() {
        var open = start("s-1", "00:00:00.000001");
        var close = end("e-1", "00:10:00.000000");

        var first = pairer.pair(PairingState.EMPTY, List.of(open), NO_WATERMARK);
        var second = pairer.pair(first.state(), List.of(close), t("00:05:00.000000"));

        assertThat(first).isEqualTo(new PairingResult(List.of(), List.of(), 0,
                new PairingState(List.of(open), seen(open))));
        assertThat(second).isEqualTo(new PairingResult(List.of(call(open, close, "599.999999", 0)), List.of(), 0,
                new PairingState(List.of(), seen(close))));
    }

    @Test
    void endWithNothingOpenIsQuarantinedAsUnmatchedEnd() {
        var orphan = end("e-orphan", "00:00:05.000000");

        var result = pairer.pair(PairingState.EMPTY, List.of(orphan), NO_WATERMARK);

        assertThat(result).isEqualTo(new PairingResult(List.of(),
                List.of(new QuarantinedEvent(QuarantineReason.UNMATCHED_END, orphan)), 0,
                new PairingState(List.of(), seen(orphan))));
    }

    @Test
    void startStillOpenWhenWatermarkPassesStartPlusMaxDurationIsQuarantinedAsUnmatchedStart() {
        var open = start("s-1", "00:00:00.000000");
        var state = new PairingState(List.of(open), seen(open));

        var atLimit = pairer.pair(state, List.of(), t("01:00:00.000000"));
        var pastLimit = pairer.pair(state, List.of(), t("01:00:00.000001"));

        assertThat(atLimit).isEqualTo(new PairingResult(List.of(), List.of(), 0,
                new PairingState(List.of(open), List.of())));
        assertThat(pastLimit).isEqualTo(new PairingResult(List.of(),
                List.of(new QuarantinedEvent(QuarantineReason.UNMATCHED_START, open)), 0, PairingState.EMPTY));
        assertThat(pastLimit.state().isEmpty()).isTrue();
    }

    @Test
    void timedOutOuterStartLeavesInnerCallsAtDepthZero() {
        var outer = start("s-outer", "00:00:00.000000");
        var inner = start("s-inner", "01:30:00.000000");
        var innerEnd = end("e-inner", "01:30:01.000000");
        var state = new PairingState(List.of(outer, inner), List.of());

        var result = pairer.pair(state, List.of(innerEnd), t("01:10:00.000000"));

        assertThat(result.calls()).containsExactly(call(inner, innerEnd, "1.000000", 1));
        assertThat(result.quarantined()).containsExactly(
                new QuarantinedEvent(QuarantineReason.UNMATCHED_START, outer));
        assertThat(result.state().openCalls()).isEmpty();
    }

    @Test
    void repeatedEventIdIsCountedAsDuplicateNotPairedTwice() {
        var open = start("s-1", "00:00:00.000000");
        var close = end("e-1", "00:00:01.000000");

        var first = pairer.pair(PairingState.EMPTY, List.of(open, open, close), NO_WATERMARK);
        var replayedEnd = pairer.pair(first.state(), List.of(close), NO_WATERMARK);

        assertThat(first.calls()).containsExactly(call(open, close, "1.000000", 0));
        assertThat(first.duplicates()).isEqualTo(1);
        assertThat(replayedEnd).isEqualTo(new PairingResult(List.of(), List.of(), 1, first.state()));
    }

    @Test
    void eventOlderThanTheWatermarkIsQuarantinedAsLate() {
        var open = start("s-1", "02:00:00.000000");
        var late = end("e-late", "00:59:59.999999");
        var state = new PairingState(List.of(open), seen(open));

        var result = pairer.pair(state, List.of(late), t("01:00:00.000000"));

        assertThat(result).isEqualTo(new PairingResult(List.of(),
                List.of(new QuarantinedEvent(QuarantineReason.LATE, late)), 0,
                new PairingState(List.of(open), seen(open))));
    }

    @Test
    void eventWithoutTheFieldsPairingNeedsIsQuarantinedAsMalformed() {
        var noType = new PairingEvent("x-1", "V1", "lidar", "PAUSE", t("00:00:00.000000"), null, "{\"x\":1}");
        var notJson = new PairingEvent(null, null, null, null, null, null, "not json");

        var result = pairer.pair(PairingState.EMPTY, List.of(notJson, noType), NO_WATERMARK);

        // ordered by their JSON text, so replays quarantine in the same order
        assertThat(result).isEqualTo(new PairingResult(List.of(), List.of(
                new QuarantinedEvent(QuarantineReason.MALFORMED, notJson),
                new QuarantinedEvent(QuarantineReason.MALFORMED, noType)), 0, PairingState.EMPTY));
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        var events = new ArrayList<PairingEvent>();
        for (int i = 0; i < 20; i++) {
            String time = String.format("00:00:%02d.000000", i);
            events.add(i % 3 == 2 ? end("e-" + i, time) : start("s-" + i, time));
            events.add(end("e2-" + i, time));
        }
        var expected = pairer.pair(PairingState.EMPTY, events, NO_WATERMARK);
        var shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(42));

        assertThat(pairer.pair(PairingState.EMPTY, shuffled, NO_WATERMARK)).isEqualTo(expected);
    }

    private static PairingEvent start(String id, String time) {
        return new PairingEvent(id, "V1", "lidar", "START", t(time), null, "{\"event_id\":\"" + id + "\"}");
    }

    private static PairingEvent end(String id, String time) {
        return new PairingEvent(id, "V1", "lidar", "END", t(time), null, "{\"event_id\":\"" + id + "\"}");
    }

    private static Instant t(String time) {
        return Instant.parse(DAY + "T" + time + "Z");
    }

    private static PairedCall call(PairingEvent start, PairingEvent end, String seconds, int depth) {
        return new PairedCall(start.eventId(), "V1", "lidar", start.eventTime(), end.eventTime(),
                new BigDecimal(seconds), depth, DAY);
    }

    private static List<PairingState.SeenEvent> seen(PairingEvent... events) {
        return java.util.Arrays.stream(events)
                .map(e -> new PairingState.SeenEvent(e.eventId(), e.eventTime()))
                .sorted(java.util.Comparator.comparing(PairingState.SeenEvent::eventTime)
                        .thenComparing(PairingState.SeenEvent::eventId))
                .toList();
    }
}
