package io.tributary.monitor.lag;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Burrow-style rules over a sliding window, driven by an injected (simulated) clock: 10 s between samples. */
class PartitionHistoryTest {
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Feeds samples (committed, logEnd) 10 s apart; returns the status after each. */
    private static List<LagStatus> run(boolean hasMembers, long[][] samples) {
        var history = new PartitionHistory();
        List<LagStatus> statuses = new ArrayList<>();
        for (int i = 0; i < samples.length; i++) {
            Instant now = T0.plus(POLL.multipliedBy(i));
            history.add(new OffsetSample(now, samples[i][0], samples[i][1]), WINDOW);
            statuses.add(history.evaluate(hasMembers, WINDOW, now));
        }
        return statuses;
    }

    /** A consumer that keeps up for 30 s, then stops committing while producers go on writing. */
    private static long[][] stopsCommittingAt30s(int samples) {
        long[][] out = new long[samples][];
        for (int i = 0; i < samples; i++) {
            long logEnd = 1000L * (i + 1);
            long committed = i <= 3 ? logEnd : 4000;
            out[i] = new long[] {committed, logEnd};
        }
        return out;
    }

    @Test
    void consumerGoneThatStopsCommittingWhileLagGrowsIsStopWithinTwoMinutes() {
        List<LagStatus> statuses = run(false, stopsCommittingAt30s(13));
        int firstStop = statuses.indexOf(LagStatus.STOP);
        assertThat(firstStop).as("statuses %s", statuses).isPositive();
        Duration afterStop = POLL.multipliedBy(firstStop - 3);
        assertThat(afterStop).isLessThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(statuses.subList(0, 4)).containsOnly(LagStatus.OK);
        assertThat(statuses.subList(firstStop, statuses.size())).containsOnly(LagStatus.STOP);
    }

    @Test
    void consumerStillInTheGroupThatCommitsNothingNewWhileLagGrowsIsStall() {
        List<LagStatus> statuses = run(true, stopsCommittingAt30s(13));
        assertThat(statuses.get(12)).isEqualTo(LagStatus.STALL);
        assertThat(POLL.multipliedBy(statuses.indexOf(LagStatus.STALL) - 3)).isLessThanOrEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void consumerThatMovesButFallsFurtherBehindAtEveryStepIsWarn() {
        long[][] samples = {{0, 100}, {50, 200}, {100, 300}, {150, 400}};
        assertThat(run(true, samples)).containsExactly(LagStatus.OK, LagStatus.OK, LagStatus.WARN, LagStatus.WARN);
    }

    @Test
    void consumerThatCaughtUpWithinTheWindowIsOkEvenWhenLaggingNow() {
        long[][] samples = {{100, 100}, {100, 200}, {100, 300}};
        assertThat(run(true, samples)).containsOnly(LagStatus.OK);
    }

    @Test
    void consumerWithSteadyLagThatKeepsCommittingIsOk() {
        long[][] samples = new long[12][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new long[] {1000L * i, 1000L * i + 500};
        }
        assertThat(run(false, samples)).containsOnly(LagStatus.OK);
    }

    @Test
    void partitionWithNoLagIsOkHoweverLongTheOffsetStaysPut() {
        long[][] samples = new long[12][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new long[] {500, 500};
        }
        assertThat(run(false, samples)).containsOnly(LagStatus.OK);
    }

    @Test
    void groupStatusIsTheWorstOfItsPartitions() {
        assertThat(LagStatus.worst(List.of(LagStatus.OK, LagStatus.STOP, LagStatus.WARN))).isEqualTo(LagStatus.STOP);
        assertThat(LagStatus.worst(List.of())).isEqualTo(LagStatus.OK);
    }
}
