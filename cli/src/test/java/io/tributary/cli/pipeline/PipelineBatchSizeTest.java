package io.tributary.cli.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineBatchSizeTest {

    @Test
    void shortTriggersKeepBatchesSmallEnoughForTheLocalSparkHeap() {
        assertThat(Pipeline.maxFilesPerTrigger(Duration.ofSeconds(5))).isEqualTo(20);
        assertThat(Pipeline.maxFilesPerTrigger(Duration.ofSeconds(10))).isEqualTo(20);
    }

    @Test
    void longerTriggersTakeProportionallyMoreFilesSoTheyDoNotThrottleTheStream() {
        assertThat(Pipeline.maxFilesPerTrigger(Duration.ofSeconds(30))).isEqualTo(60);
        assertThat(Pipeline.maxFilesPerTrigger(Duration.ofSeconds(45))).isEqualTo(100);
    }

    @Test
    void theBoundStopsAtAboutTwoMillionEventsPerBatch() {
        assertThat(Pipeline.maxFilesPerTrigger(Duration.ofMinutes(1))).isEqualTo(100);
        assertThat(Pipeline.maxFilesPerTrigger(Duration.ofMinutes(10))).isEqualTo(100);
    }
}
