package io.tributary.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionLagTest {

    @Test
    void lagIsRecordsBetweenCommittedAndLogEnd() {
        assertThat(new PartitionLag("g", "t", 0, 40, 100).lag()).isEqualTo(60);
    }

    @Test
    void partitionNeverCommittedCountsEveryRecordAsLag() {
        var row = new PartitionLag("g", "t", 0, -1, 100);
        assertThat(row.lag()).isEqualTo(100);
        assertThat(row.hasCommitted()).isFalse();
    }
}
