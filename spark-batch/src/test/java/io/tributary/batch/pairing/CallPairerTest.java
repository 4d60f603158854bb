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
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2020-01-01");

    private final CallPairer pairer = new CallPairer(MAX_CALL);

    @Test
    void nestedCallsOfOneFunctionCloseInnermostFirstWithDepthsAndAreLoadedBeforeTheyAreFinal() {
        var outer = start("s-outer", "00:00:00.125000");
        var inner = start("s-inner", "00:00:01.000000");
        var innerEnd = end("e-inner", "00:00:02.500001");
        var outerEnd = end("e-outer", "00:00:03.000000");

        var result = pairer.pair(PairingState.EMPTY, List.of(outerEnd, inner, outer, innerEnd), NO_WATERMARK);

        var innerCall = call(inner, innerEnd, "1.500001", 1);
        var outerCall = call(outer, outerEnd, "2.875000", 0);
        assertThat(result).isEqualTo(new PairingResult(List.of(innerCall, outerCall), List.of(), List.of(), List.of(),
                0, new PairingState(List.of(), List.of(outer, inner, innerEnd, outerEnd),
                List.of(emitted(inner, innerEnd, 1), emitted(outer, outerEnd, 0)))));

        var finalized = pairer.pair(result.state(), List.of(), t("00:00:03.000001"));

        assertThat(finalized).isEqualTo(new PairingResult(List.of(), List.of(innerCall, outerCall), List.of(),
                List.of(), 0, PairingState.EMPTY));
    }

    @Test
    void endAndStartAtTheSameTimeWithoutSeqCloseTheFirstCallBeforeOpeningTheNext() {
        var first = start("s-1", "00:00:00.000000");
        var firstEnd = end("e-1", "00:00:01.000000");
        var second = start("s-2", "00:00:01.000000");
        var secondEnd = end("e-2", "00:00:02.000000");

        var result = pairer.pair(PairingState.EMPTY, List.of(second, firstEnd, secondEnd, first), NO_WATERMARK);

        assertThat(result.upserts()).containsExactly(
                call(first, firstEnd, "1.000000", 0), call(second, secondEnd, "1.000000", 0));
        assertThat(result.quarantined()).isEmpty();
    }

    @Test
    void seqOrdersEventsWithTheSameTime() {
        var open = new PairingEvent("s-1", "V1", "lidar", "START", t("00:00:01.000000"), 7L, null, null, null);
        var close = new PairingEvent("e-1", "V1", "lidar", "END", t("00:00:01.000000"), 8L, null, null, null);

        var result = pairer.pair(PairingState.EMPTY, List.of(close, open), NO_WATERMARK);

        assertThat(result.upserts()).containsExactly(call(open, close, "0.000000", 0));
        assertThat(result.quarantined()).isEmpty();
    }

    @Test
    void callStartedInOneBatchIsClosedByAnEndInTheNext() {
        var open = start("s-1", "00:00:00.000001");
        var close = end("e-1", "00:10:00.000000");

        var first = pairer.pair(PairingState.EMPTY, List.of(open), NO_WATERMARK);
        var second = pairer.pair(first.state(), List.of(close), t("00:05:00.000000"));

        assertThat(first).isEqualTo(new PairingResult(List.of(), List.of(), List.of(), List.of(), 0,
                new PairingState(List.of(), List.of(open), List.of())));
        var closed = call(open, close, "599.999999", 0);
        assertThat(second).isEqualTo(new PairingResult(List.of(closed), List.of(), List.of(), List.of(), 0,
                new PairingState(List.of(open), List.of(close), List.of(emitted(open, close, 0)))));
    }

    @Test
    void startArrivingOutOfOrderTakesTheEndOfAnAlreadyLoadedCallWhichIsRetracted() {
        var outer = start("s-outer", "00:00:00.000000");
        var end = end("e-1", "00:00:03.000000");
        var lateStart = start("s-inner", "00:00:02.000000");

        var first = pairer.pair(PairingState.EMPTY, List.of(outer, end), NO_WATERMARK);
        var second = pairer.pair(first.state(), List.of(lateStart), NO_WATERMARK);

        assertThat(first.upserts()).containsExactly(call(outer, end, "3.000000", 0));
        assertThat(second.upserts()).containsExactly(call(lateStart, end, "1.000000", 1));
        assertThat(second.retracted()).containsExactly("s-outer");
        assertThat(second.quarantined()).isEmpty();
    }

    @Test
    void endArrivingOutOfOrderShortensAnAlreadyLoadedCallUnderTheSameCallId() {
        var open = start("s-1", "00:00:00.000000");
        var laterEnd = end("e-later", "00:00:05.000000");
        var earlierEnd = end("e-earlier", "00:00:02.000000");

        var first = pairer.pair(PairingState.EMPTY, List.of(open, laterEnd), NO_WATERMARK);
        var second = pairer.pair(first.state(), List.of(earlierEnd), NO_WATERMARK);
        var finalized = pairer.pair(second.state(), List.of(), FAR_FUTURE);

        assertThat(first.upserts()).containsExactly(call(open, laterEnd, "5.000000", 0));
        assertThat(second.upserts()).containsExactly(call(open, earlierEnd, "2.000000", 0));
        assertThat(second.retracted()).isEmpty();
        assertThat(finalized.upserts()).isEmpty();
        assertThat(finalized.finalized()).containsExactly(call(open, earlierEnd, "2.000000", 0));
        assertThat(finalized.quarantined()).containsExactly(
                new QuarantinedEvent(QuarantineReason.UNMATCHED_END, laterEnd));
    }

    @Test
    void endWithNothingOpenIsQuarantinedAsUnmatchedEndOnceTheWatermarkPassesIt() {
        var orphan = end("e-orphan", "00:00:05.000000");

        var provisional = pairer.pair(PairingState.EMPTY, List.of(orphan), NO_WATERMARK);
        var atIt = pairer.pair(provisional.state(), List.of(), t("00:00:05.000000"));
        var pastIt = pairer.pair(provisional.state(), List.of(), t("00:00:05.000001"));

        assertThat(provisional.quarantined()).isEmpty();
        assertThat(atIt.quarantined()).isEmpty();
        assertThat(pastIt).isEqualTo(new PairingResult(List.of(), List.of(), List.of(),
                List.of(new QuarantinedEvent(QuarantineReason.UNMATCHED_END, orphan)), 0, PairingState.EMPTY));
    }

    @Test
    void startStillOpenWhenWatermarkPassesStartPlusMaxDurationIsQuarantinedAsUnmatchedStart() {
        var open = start("s-1", "00:00:00.000000");
        var state = pairer.pair(PairingState.EMPTY, List.of(open), NO_WATERMARK).state();

        var atLimit = pairer.pair(state, List.of(), t("01:00:00.000000"));
        var pastLimit = pairer.pair(state, List.of(), t("01:00:00.000001"));

        assertThat(atLimit).isEqualTo(new PairingResult(List.of(), List.of(), List.of(), List.of(), 0,
                new PairingState(List.of(open), List.of(), List.of())));
        assertThat(pastLimit).isEqualTo(new PairingResult(List.of(), List.of(), List.of(),
                List.of(new QuarantinedEvent(QuarantineReason.UNMATCHED_START, open)), 0, PairingState.EMPTY));
    }

    @Test
    void endAfterTheMaximumCallDurationDoesNotCloseTheExpiredStart() {
        var outer = start("s-outer", "00:00:00.000000");
        var inner = start("s-inner", "01:30:00.000000");
        var innerEnd = end("e-inner", "01:30:01.000000");
        var tooLate = end("e-outer", "01:30:02.000000");

        var result = pairer.pair(PairingState.EMPTY, List.of(outer, inner, innerEnd, tooLate), NO_WATERMARK);
        var finalized = pairer.pair(result.state(), List.of(), FAR_FUTURE);

        assertThat(result.upserts()).containsExactly(call(inner, innerEnd, "1.000000", 0));
        assertThat(finalized.finalized()).containsExactly(call(inner, innerEnd, "1.000000", 0));
        assertThat(finalized.quarantined()).containsExactlyInAnyOrder(
                new QuarantinedEvent(QuarantineReason.UNMATCHED_START, outer),
                new QuarantinedEvent(QuarantineReason.UNMATCHED_END, tooLate));
    }

    @Test
    void repeatedEventIdIsCountedAsDuplicateNotPairedTwice() {
        var open = start("s-1", "00:00:00.000000");
        var close = end("e-1", "00:00:01.000000");

        var first = pairer.pair(PairingState.EMPTY, List.of(open, open, close), NO_WATERMARK);
        var replayedEnd = pairer.pair(first.state(), List.of(close), NO_WATERMARK);

        assertThat(first.upserts()).containsExactly(call(open, close, "1.000000", 0));
        assertThat(first.duplicates()).isEqualTo(1);
        assertThat(replayedEnd).isEqualTo(new PairingResult(List.of(), List.of(), List.of(), List.of(), 1,
                first.state()));
    }

    @Test
    void eventOlderThanTheWatermarkIsQuarantinedAsLate() {
        var open = start("s-1", "02:00:00.000000");
        var late = end("e-late", "00:59:59.999999");
        var state = pairer.pair(PairingState.EMPTY, List.of(open), NO_WATERMARK).state();

        var result = pairer.pair(state, List.of(late), t("01:00:00.000000"));

        assertThat(result).isEqualTo(new PairingResult(List.of(), List.of(), List.of(),
                List.of(new QuarantinedEvent(QuarantineReason.LATE, late)), 0, state));
    }

    @Test
    void eventWithoutTheFieldsPairingNeedsIsQuarantinedAsMalformed() {
        var noType = new PairingEvent("x-1", "V1", "lidar", "PAUSE", t("00:00:00.000000"), null, null, null, "{\"x\":1}");
        var notJson = PairingEvent.unparseable("not json");

        var result = pairer.pair(PairingState.EMPTY, List.of(notJson, noType), NO_WATERMARK);

        // ordered by their JSON text, so replays quarantine in the same order
        assertThat(result).isEqualTo(new PairingResult(List.of(), List.of(), List.of(), List.of(
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
        assertThat(pairer.pair(expected.state(), List.of(), FAR_FUTURE))
                .isEqualTo(pairer.pair(pairer.pair(PairingState.EMPTY, shuffled, NO_WATERMARK).state(), List.of(),
                        FAR_FUTURE));
    }

    static PairingEvent start(String id, String time) {
        return new PairingEvent(id, "V1", "lidar", "START", t(time), null, "test", null, null);
    }

    static PairingEvent end(String id, String time) {
        return new PairingEvent(id, "V1", "lidar", "END", t(time), null, "test", null, null);
    }

    static Instant t(String time) {
        return Instant.parse(DAY + "T" + time + "Z");
    }

    static PairedCall call(PairingEvent start, PairingEvent end, String seconds, int depth) {
        return new PairedCall(start.eventId(), "V1", "lidar", start.eventTime(), end.eventTime(),
                new BigDecimal(seconds), depth, DAY);
    }

    private static PairingState.EmittedCall emitted(PairingEvent start, PairingEvent end, int depth) {
        return new PairingState.EmittedCall(start.eventId(), end.eventId(), depth);
    }
}
