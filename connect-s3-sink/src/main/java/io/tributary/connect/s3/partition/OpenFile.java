package io.tributary.connect.s3.partition;

import io.tributary.connect.s3.format.GzipLinesBuffer;
import io.tributary.connect.s3.format.JsonLinesGzipFormat;
import io.tributary.connect.s3.storage.LandedObject;
import io.tributary.events.LandingLayout;
import org.apache.kafka.common.TopicPartition;

import java.time.LocalDate;

/** The one file a partition is filling: records of one dt with contiguous offsets from {@code startOffset}. */
final class OpenFile {
    private final String key;
    private final LocalDate date;
    private final long startOffset;
    private final long firstTimestamp;
    private final GzipLinesBuffer buffer = JsonLinesGzipFormat.newBuffer();
    private long endOffset;
    private long recordCount;
    private long lastAppendMillis;

    OpenFile(String topicsDir, TopicPartition tp, LocalDate date, long startOffset, long firstTimestamp) {
        this.key = LandingLayout.objectKey(topicsDir, tp.topic(), date, tp.partition(), startOffset,
                JsonLinesGzipFormat.EXTENSION);
        this.date = date;
        this.startOffset = startOffset;
        this.firstTimestamp = firstTimestamp;
        this.endOffset = startOffset - 1;
    }

    void append(long offset, byte[] line, long nowMillis) {
        buffer.appendLine(line);
        endOffset = offset;
        recordCount++;
        lastAppendMillis = nowMillis;
    }

    /** A record of this range that is not written (e.g. reported to the DLQ) still belongs to the file's range. */
    void cover(long offset) {
        endOffset = Math.max(endOffset, offset);
    }

    /** Why a record with {@code date} and {@code timestamp} cannot join this file, or null if it can. */
    String rotationReason(LocalDate recordDate, long timestamp, WriterSettings settings) {
        if (!recordDate.equals(date)) {
            return "dt changed to " + recordDate;
        }
        if (recordCount >= settings.flushSize()) {
            return "flush.size";
        }
        if (settings.rotateIntervalMs() > 0 && timestamp - firstTimestamp >= settings.rotateIntervalMs()) {
            return "rotate.interval.ms";
        }
        return null;
    }

    boolean idleSince(long nowMillis, long idleMs) {
        return idleMs > 0 && nowMillis - lastAppendMillis >= idleMs;
    }

    long recordCount() {
        return recordCount;
    }

    long startOffset() {
        return startOffset;
    }

    String key() {
        return key;
    }

    /** Drops the content. */
    void discard() {
        buffer.release();
    }

    /** Closes the file for writing. */
    FinishedFile finish() {
        return new FinishedFile(new LandedObject(key, startOffset, endOffset, recordCount), buffer.finish());
    }

    /** A complete file waiting for (or retrying) its upload. */
    record FinishedFile(LandedObject object, byte[] content) {
    }
}
