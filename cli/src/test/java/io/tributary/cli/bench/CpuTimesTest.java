package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuTimesTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsTheCpuTicksOfALiveProcessAndNothingForAGoneOne() {
        long busy = 0;
        for (int i = 0; i < 5_000_000; i++) {
            busy += Integer.toString(i).hashCode(); // a JVM that ran code has spent at least one tick
        }
        assertThat(busy).isNotZero();
        assertThat(CpuTimes.ticks(ProcessHandle.current().pid())).isPresent();
        assertThat(CpuTimes.ticks(ProcessHandle.current().pid()).getAsLong()).isPositive();
        assertThat(CpuTimes.ticks(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void cpuSecondsAreTheTicksSpentBetweenTheTwoSamples() {
        var usage = ProcessUsageTable.of(Map.of("spark jvm", 1500L, "only sampled for memory", 10L),
                Map.of("spark jvm", 200L), Map.of("spark jvm", 450L));

        assertThat(usage.get("spark jvm")).isEqualTo(new BenchResult.ProcessUsage(1500, 2.5));
        assertThat(usage.get("only sampled for memory")).isEqualTo(new BenchResult.ProcessUsage(10, 0));
    }
}
