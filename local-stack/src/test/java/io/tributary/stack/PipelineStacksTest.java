package io.tributary.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PipelineStacksTest {

    @Test
    void localKindIsFoundThroughTheServiceLoader() {
        assertThat(PipelineStacks.factory("local")).isInstanceOf(LocalPipelineStackFactory.class);
    }

    @Test
    void unknownKindIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> PipelineStacks.factory("testcontainers"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("tributary.stack=testcontainers")
            .hasMessageContaining("[local]");
    }
}
