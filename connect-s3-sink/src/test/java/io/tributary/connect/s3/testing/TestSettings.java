package io.tributary.connect.s3.testing;

import io.tributary.connect.s3.format.JsonLinesGzipFormat;
import io.tributary.connect.s3.format.RecordValues;
import io.tributary.connect.s3.partition.TimeBasedPartitioner;
import io.tributary.connect.s3.partition.WriterSettings;

import java.time.ZoneOffset;
import java.util.Locale;

/** Writer settings with daily dt= partitions in UTC and gzip JSON lines. */
public final class TestSettings {
    private TestSettings() {
    }

    public static WriterSettings of(int flushSize, long rotateIntervalMs, long rotateIdleMs) {
        return of(flushSize, rotateIntervalMs, rotateIdleMs, 5 * 1024 * 1024);
    }

    public static WriterSettings of(int flushSize, long rotateIntervalMs, long rotateIdleMs, int partSize) {
        return new WriterSettings("landing", new TimeBasedPartitioner(TimeBasedPartitioner.DEFAULT_PATH_FORMAT,
                TimeBasedPartitioner.DEFAULT_PARTITION_DURATION_MS, ZoneOffset.UTC, Locale.US),
                RecordValues::timestampOf, new JsonLinesGzipFormat(), flushSize, rotateIntervalMs, rotateIdleMs,
                partSize, false);
    }
}
