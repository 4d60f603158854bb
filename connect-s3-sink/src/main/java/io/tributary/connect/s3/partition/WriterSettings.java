package io.tributary.connect.s3.partition;

import java.time.ZoneId;

/**
 * How files are cut. {@code rotateIntervalMs} and {@code rotateIdleMs} are -1 when disabled.
 *
 * @param topicsDir        landing prefix ({@code topics.dir})
 * @param zone             zone of the dt= date of a record timestamp ({@code timezone})
 * @param flushSize        records per file ({@code flush.size})
 * @param rotateIntervalMs max span of record timestamps in one file ({@code rotate.interval.ms})
 * @param rotateIdleMs     wall-clock idle time after which an open file is uploaded ({@code rotate.idle.ms})
 */
public record WriterSettings(String topicsDir, ZoneId zone, int flushSize, long rotateIntervalMs,
                             long rotateIdleMs) {
    public WriterSettings {
        if (flushSize < 1) {
            throw new IllegalArgumentException("flushSize must be >= 1, was " + flushSize);
        }
    }
}
