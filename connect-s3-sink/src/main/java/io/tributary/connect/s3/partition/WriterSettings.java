package io.tributary.connect.s3.partition;

import io.tributary.connect.s3.format.RecordFormat;

/**
 * How files are cut and written. {@code rotateIntervalMs} and {@code rotateIdleMs} are -1 when disabled.
 *
 * @param topicsDir        landing prefix ({@code topics.dir})
 * @param partitioner      record time to encoded partition ({@code path.format}, {@code partition.duration.ms},
 *                         {@code timezone}, {@code locale})
 * @param timestamps       which time a record has ({@code timestamp.extractor}, {@code timestamp.field})
 * @param format           {@code format.class}
 * @param flushSize        records per file ({@code flush.size})
 * @param rotateIntervalMs max span of record timestamps in one file ({@code rotate.interval.ms})
 * @param rotateIdleMs     wall-clock ms without a record for a file after which it is uploaded ({@code rotate.idle.ms})
 * @param partSize         multipart part size ({@code s3.part.size})
 * @param ignoreNulls      {@code behavior.on.null.values=ignore}: skip (and count) tombstones instead of failing them
 */
public record WriterSettings(String topicsDir, TimeBasedPartitioner partitioner, TimestampExtractor timestamps,
                             RecordFormat format, int flushSize, long rotateIntervalMs, long rotateIdleMs,
                             int partSize, boolean ignoreNulls) {
    /** Landed files ending at or above a partition's watermark before the lowest open file is closed: bounds
     *  the metadata (S3 allows 2 KB) and the work of a restart, and keeps the committed offset moving. */
    public static final int MAX_LANDED_ABOVE_WATERMARK = 64;

    public WriterSettings {
        if (flushSize < 1) {
            throw new IllegalArgumentException("flushSize must be >= 1, was " + flushSize);
        }
    }
}
