package io.tributary.batch.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SessionizerTest {
    private static final Duration GAP = Duration.ofMinutes(30);
    private final Sessionizer sessionizer = new Sessionizer(GAP);

    @Test
    void requestsWithinThirtyMinutesAreOneSessionAndALongerGapStartsTheNext() {
        var result = sessionizer.sessionize(Optional.empty(), List.of(
                hit("r1", "10:00:00", "/search"), hit("r2", "10:29:59", "/hotel/7"),
                hit("r3", "11:00:00", "/hotel/7/book/confirm")), Instant.EPOCH);

        assertThat(result.sessions()).hasSize(2);
        var first = result.sessions().stream().filter(s -> s.requestCount() == 2).findFirst().orElseThrow();
        var second = result.sessions().stream().filter(s -> s.requestCount() == 1).findFirst().orElseThrow();
        assertThat(List.of(first.reachedSearch(), first.reachedHotel(), first.reachedBooking()))
                .containsExactly(true, true, false);
        assertThat(second.reachedBooking()).isTrue();
        assertThat(result.requests()).extracting(a -> a.sessionId())
                .containsExactly(first.sessionId(), first.sessionId(), second.sessionId());
        assertThat(result.open()).contains(second);
    }

    @Test
    void sessionContinuingInALaterBatchKeepsItsIdWithAHigherVersion() {
        var first = sessionizer.sessionize(Optional.empty(), List.of(hit("r1", "10:00:00", "/")), Instant.EPOCH);
        var second = sessionizer.sessionize(first.open(), List.of(hit("r2", "10:10:00", "/search"),
                hit("r1", "10:00:00", "/")), Instant.EPOCH);

        assertThat(second.sessions()).singleElement().satisfies(s -> {
            assertThat(s.sessionId()).isEqualTo(first.sessions().get(0).sessionId());
            assertThat(s.version()).isEqualTo(2);
            assertThat(s.reachedSearch()).isTrue();
        });
        assertThat(second.duplicates()).isEqualTo(1);
    }

    @Test
    void sessionLeavesTheStateOnceTheWatermarkPassesItsLastRequestPlusTheGap() {
        var first = sessionizer.sessionize(Optional.empty(), List.of(hit("r1", "10:00:00", "/")), Instant.EPOCH);

        assertThat(sessionizer.sessionize(first.open(), List.of(), t("10:30:00")).open()).isPresent();
        var expired = sessionizer.sessionize(first.open(), List.of(), t("10:30:00.000001"));
        assertThat(expired.open()).isEmpty();
        assertThat(expired.sessions()).isEmpty();
    }

    /** Arrivals out of order by at most the allowed lateness (10 min here), a repeat within the open session. */
    @Test
    void everySetOfBatchBoundariesGivesTheSameSessionsAndAssignments() {
        List<WebHit> arrivals = List.of(hit("a", "10:00:00", "/search"), hit("b", "10:05:00", "/hotel/1"),
                hit("c", "10:03:00", "/"), hit("b", "10:05:00", "/hotel/1"), hit("d", "10:40:00", "/"),
                hit("e", "10:50:00", "/hotel/1/book/confirm"), hit("f", "11:30:00", "/x.css"),
                hit("g", "11:31:00", "/search"), hit("h", "12:10:00", "/"));
        var expected = run(arrivals, 0);
        assertThat(expected.sessions.values()).extracting(WebSession::requestCount).containsExactlyInAnyOrder(3, 2, 2, 1);
        for (int cuts = 0; cuts < (1 << (arrivals.size() - 1)); cuts++) {
            var outcome = run(arrivals, cuts);
            assertThat(outcome.sessions).as("boundaries %s", Integer.toBinaryString(cuts)).isEqualTo(expected.sessions);
            assertThat(outcome.assignment).isEqualTo(expected.assignment);
        }
    }

    private record Outcome(Map<String, WebSession> sessions, Map<String, String> assignment) {
    }

    /** Applies each batch's session rows as the loader does: a higher version replaces a lower one. */
    private Outcome run(List<WebHit> arrivals, int cuts) {
        var batches = new ArrayList<List<WebHit>>();
        var current = new ArrayList<WebHit>();
        for (int i = 0; i < arrivals.size(); i++) {
            current.add(arrivals.get(i));
            if (i == arrivals.size() - 1 || (cuts & (1 << i)) != 0) {
                batches.add(current);
                current = new ArrayList<>();
            }
        }
        Optional<WebSession> open = Optional.empty();
        Map<String, WebSession> table = new TreeMap<>();
        Map<String, String> assignment = new HashMap<>();
        Instant maxSeen = Instant.EPOCH;
        Instant watermark = Instant.EPOCH;
        for (var batch : batches) {
            var result = sessionizer.sessionize(open, batch, watermark);
            result.sessions().forEach(s -> table.merge(s.sessionId(), s, (old, now) -> now.version() >= old.version() ? now : old));
            result.requests().forEach(r -> assignment.put(r.hit().eventId(), r.sessionId()));
            open = result.open();
            for (var hit : batch) {
                maxSeen = hit.eventTime().isAfter(maxSeen) ? hit.eventTime() : maxSeen;
            }
            Instant candidate = maxSeen.minus(Duration.ofMinutes(10));
            watermark = candidate.isAfter(watermark) ? candidate : watermark;
        }
        return new Outcome(table, assignment);
    }

    private static WebHit hit(String id, String time, String path) {
        return new WebHit(id, "hotels-north", t(time), "203.0.113.9", "Mozilla/5.0", "GET", path, null, 200, 1000L,
                null, 12L, "{}");
    }

    private static Instant t(String time) {
        return Instant.parse("2020-01-01T" + time + "Z");
    }
}
