package io.tributary.monitor.lag;

import java.time.Instant;

/** Where a group stood on one partition when sampled: its committed offset and the partition's log-end offset. */
public record OffsetSample(Instant at, long committed, long logEnd) {

    public long lag() {
        return Math.max(0, logEnd - Math.max(0, committed));
    }
}
