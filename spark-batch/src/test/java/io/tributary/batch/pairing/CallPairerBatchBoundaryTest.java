package io.tributary.batch.pairing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.tributary.batch.pairing.CallPairerTest.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md, pairing rule 5: the rows must not depend on where micro-batch boundaries fall. The same arrival sequence
 * (nesting, equal timestamps, out-of-order events within the allowed lateness, a duplicate, unmatched and expired
 * events, a malformed line) is cut at every one of the 2^(n-1) possible sets of boundaries, run batch by batch with a
 * watermark computed as Spark does (max event time of earlier batches - allowed lateness), and compared.
 */
class CallPairerBatchBoundaryTest {
    private static final Duration MAX_CALL = Duration.ofMinutes(10);
    private static final Duration LATENESS = Duration.ofMinutes(5);
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    private final CallPairer pairer = new CallPairer(MAX_CALL);

    private static final PairingEvent A = CallPairerTest.start("a", "00:00:00.000000");
    private static final PairingEvent B = CallPairerTest.start("b", "00:00:10.000000");
    private static final PairingEvent E20 = CallPairerTest.end("e20", "00:00:20.000000");
    private static final PairingEvent C = CallPairerTest.start("c", "00:00:20.000000");
    private static final PairingEvent E30 = CallPairerTest.end("e30", "00:00:30.000000");
    private static final PairingEvent D = CallPairerTest.start("d", "00:00:15.000000");
    private static final PairingEvent E40 = CallPairerTest.end("e40", "00:00:40.000000");
    private static final PairingEvent E50 = CallPairerTest.end("e50", "00:00:50.000000");
    private static final PairingEvent E60 = CallPairerTest.end("e60", "00:01:00.000000");
    private static final PairingEvent E = CallPairerTest.start("e", "00:01:40.000000");
    private static final PairingEvent F = CallPairerTest.start("f", "00:03:20.000000");
    private static final PairingEvent E900 = CallPairerTest.end("e900", "00:15:00.000000");
    private static final PairingEvent G = CallPairerTest.start("g", "00:11:40.000000");
    private static final PairingEvent E710 = CallPairerTest.end("e710", "00:11:50.000000");
    private static final PairingEvent MALFORMED = PairingEvent.unparseable("not json");

    /** Arrival order; every event is at most LATENESS older than the newest event before it, so none is late. */
    private static final List<PairingEvent> ARRIVALS = List.of(A, B, E20, C, E30, D, E20, E40, MALFORMED, E50, E60, E,
            F, E900, G, E710);

    @Test
    void everySetOfBatchBoundariesGivesTheSameRowsAndQuarantine() {
        Outcome expected = run(List.of(ARRIVALS));
        assertThat(expected.table.values()).containsExactlyInAnyOrder(
                call(D, E20, "5.000000", 2), call(C, E30, "10.000000", 2), call(B, E40, "30.000000", 1),
                call(A, E50, "50.000000", 0), call(G, E710, "10.000000", 1));
        assertThat(expected.quarantine).containsExactlyInAnyOrder("malformed:null", "unmatched_end:e60",
                "unmatched_start:e", "unmatched_start:f", "unmatched_end:e900");
        assertThat(expected.duplicates).isEqualTo(1);

        int gaps = ARRIVALS.size() - 1;
        for (int cuts = 0; cuts < (1 << gaps); cuts++) {
            var batches = split(cuts);
            Outcome outcome = run(batches);
            assertThat(outcome.table).as("boundaries %s", Integer.toBinaryString(cuts)).isEqualTo(expected.table);
            assertThat(outcome.quarantine).as("boundaries %s", Integer.toBinaryString(cuts))
                    .containsExactlyInAnyOrderElementsOf(expected.quarantine);
            assertThat(outcome.duplicates).isEqualTo(1);
            assertThat(outcome.finalized).as("each call is finalized once").hasSize(5)
                    .containsExactlyInAnyOrderElementsOf(expected.table.values());
        }
    }

    @Test
    void afterEveryBatchTheLoadedRowsAreThePairingOfEverythingArrivedSoFar() {
        int gaps = ARRIVALS.size() - 1;
        for (int cuts = 0; cuts < (1 << gaps); cuts += 7) {
            var batches = split(cuts);
            var state = PairingState.EMPTY;
            var table = new TreeMap<String, PairedCall>();
            var arrived = new ArrayList<PairingEvent>();
            Instant watermark = Instant.EPOCH;
            Instant maxSeen = Instant.EPOCH;
            for (var batch : batches) {
                var result = pairer.pair(state, batch, watermark);
                apply(result, table);
                state = result.state();
                arrived.addAll(batch);
                maxSeen = maxTime(maxSeen, batch);
                watermark = later(watermark, maxSeen.minus(LATENESS));

                var fromScratch = new TreeMap<String, PairedCall>();
                apply(pairer.pair(PairingState.EMPTY, arrived, Instant.EPOCH), fromScratch);
                assertThat(table).as("boundaries %s after %s events", Integer.toBinaryString(cuts), arrived.size())
                        .isEqualTo(fromScratch);
            }
        }
    }

    private record Outcome(Map<String, PairedCall> table, List<String> quarantine, List<PairedCall> finalized,
                           int duplicates) {
    }

    /** Bit i of {@code cuts} set = a batch boundary after arrival i. */
    private static List<List<PairingEvent>> split(int cuts) {
        var batches = new ArrayList<List<PairingEvent>>();
        var current = new ArrayList<PairingEvent>();
        for (int i = 0; i < ARRIVALS.size(); i++) {
            current.add(ARRIVALS.get(i));
            if (i == ARRIVALS.size() - 1 || (cuts & (1 << i)) != 0) {
                batches.add(current);
                current = new ArrayList<>();
            }
        }
        return batches;
    }

    /** The batches with Spark's watermark, then one more batch once the watermark has passed everything. */
    private Outcome run(List<List<PairingEvent>> batches) {
        var state = PairingState.EMPTY;
        var table = new TreeMap<String, PairedCall>();
        var quarantine = new ArrayList<String>();
        var finalized = new ArrayList<PairedCall>();
        int duplicates = 0;
        Instant watermark = Instant.EPOCH;
        Instant maxSeen = Instant.EPOCH;
        var all = new ArrayList<>(batches);
        all.add(List.of());
        for (int i = 0; i < all.size(); i++) {
            var result = pairer.pair(state, all.get(i), i == batches.size() ? FAR_FUTURE : watermark);
            apply(result, table);
            result.quarantined().forEach(q -> quarantine.add(q.reason().code() + ":" + q.event().eventId()));
            assertThat(result.quarantined()).noneMatch(q -> q.reason() == QuarantineReason.LATE);
            finalized.addAll(result.finalized());
            duplicates += result.duplicates();
            state = result.state();
            maxSeen = maxTime(maxSeen, all.get(i));
            watermark = later(watermark, maxSeen.minus(LATENESS));
        }
        assertThat(state.isEmpty()).isTrue();
        return new Outcome(table, quarantine, finalized, duplicates);
    }

    private static void apply(PairingResult result, Map<String, PairedCall> table) {
        result.upserts().forEach(c -> table.put(c.callId(), c));
        result.retracted().forEach(id -> assertThat(table.remove(id)).as("retracted %s was loaded", id).isNotNull());
    }

    private static Instant maxTime(Instant max, List<PairingEvent> batch) {
        for (var e : batch) {
            if (e.eventTime() != null && e.eventTime().isAfter(max)) {
                max = e.eventTime();
            }
        }
        return max;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
