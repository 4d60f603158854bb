package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StageTableTest {
    private static BenchResult.Baseline baseline(String name, double mbPerS) {
        return new BenchResult.Baseline(name, "m", 1, 1, 1, mbPerS, 1);
    }

    @Test
    void stepsDoneOneAfterTheOtherAddTheirTimes() {
        // 100 MB at 50 MB/s (2 s) then at 25 MB/s (4 s): 100 MB in 6 s
        var reference = StageTable.Reference.serial("spark + copy", 100_000_000, baseline("spark", 50),
                baseline("copy", 25));

        assertThat(reference.name()).isEqualTo("spark + copy");
        assertThat(reference.mbPerS()).isCloseTo(100 / 6.0, within(1e-9));
    }

    @Test
    void aMissingStepLeavesTheStageWithoutReference() {
        assertThat(StageTable.Reference.serial("x", 100, baseline("spark", 50), null)).isNull();
        assertThat(StageTable.Reference.serial("x", 100, baseline("spark", 0))).isNull();
    }

    @Test
    void aPartialStageIsItsOwnBytesOverItsOwnTime() {
        long t0 = 5_000_000_000L;
        var stages = new StageTable(t0, 30_000_000, 600_000)
                .add("produce", "acked", t0 + 3_000_000_000L, null)
                .add("spark+load web", "rows", t0 + 10_000_000_000L, 10_000_000, 40_000,
                        new StageTable.Reference("spark + copy", 4.0))
                .stages();

        var web = stages.get(1);
        assertThat(web.mbPerS()).isEqualTo(1.0);
        assertThat(web.eventsPerS()).isEqualTo(4_000);
        assertThat(web.secondsAfterPrevious()).isEqualTo(7.0);
        assertThat(web.ratio()).isEqualTo(0.25);
        assertThat(stages.get(0).mbPerS()).isEqualTo(10.0);
    }
}
