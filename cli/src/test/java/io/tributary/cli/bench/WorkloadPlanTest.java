package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WorkloadPlanTest {

    @Test
    void bytesAreSplitByTheMixThenTurnedIntoLinesByEachSimulatorsMeanSize() {
        // 1 GB half and half: 500 MB of 40-byte vehicle lines, 500 MB of 250-byte access-log lines
        WorkloadPlan plan = WorkloadPlan.forBytes(1_000_000_000L, Mix.even(), 40, 250);

        assertThat(plan).isEqualTo(new WorkloadPlan(12_500_000, 2_000_000));
        assertThat(plan.lines()).isEqualTo(14_500_000);
    }

    @Test
    void vehicleLinesAreEvenBecauseTheFleetEmitsWholeCalls() {
        WorkloadPlan plan = WorkloadPlan.forBytes(1_000, new Mix(1, 0), 41.4, 225);

        assertThat(plan.vehicleEvents() % 2).isZero();
        assertThat(plan.vehicleEvents()).isEqualTo(24); // 1000 / 41.4 = 24.15
        assertThat(plan.webLines()).isZero();
    }

    @Test
    void aGivenNumberOfLinesIsSplitSoThatTheBytesFollowTheMix() {
        WorkloadPlan plan = WorkloadPlan.forEvents(1_000_000, Mix.even(), 40, 200);

        assertThat(plan.lines()).isCloseTo(1_000_000, within(1L));
        // equal bytes: five 40-byte lines for every 200-byte line
        assertThat(plan.vehicleEvents() * 40.0).isCloseTo(plan.webLines() * 200.0, within(200.0));
        assertThat(plan.vehicleEvents()).isEqualTo(833_334);
    }

    @Test
    void aPartInTheMixGetsAtLeastOneCallOrOneRequest() {
        WorkloadPlan plan = WorkloadPlan.forBytes(100, new Mix(0.01, 0.99), 40, 250);

        assertThat(plan.vehicleEvents()).isEqualTo(2);
        assertThat(plan.webLines()).isEqualTo(1); // 0.396 lines rounds to 0, but web is in the mix
    }

    @Test
    void nonsenseSizesAreRefused() {
        assertThatThrownBy(() -> WorkloadPlan.forBytes(0, Mix.even(), 40, 250)).hasMessageContaining("bytes must be > 0");
        assertThatThrownBy(() -> WorkloadPlan.forEvents(10, Mix.even(), 0, 250)).hasMessageContaining("mean line sizes");
    }
}
