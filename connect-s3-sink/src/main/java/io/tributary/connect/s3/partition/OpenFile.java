package io.tributary.connect.s3.partition;

import io.tributary.connect.s3.format.RecordFormat.RecordFileWriter;
import io.tributary.connect.s3.storage.LandedObjects;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.UploadStream;
import io.tributary.events.LandingLayout;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/** A file a partition is filling: records of one encoded (time) partition, from {@code startOffset} on. */
final class OpenFile {
    private final String key;
    private final String encodedPartition;
    private final long startOffset;
    private final long firstTimestamp;
    private final long openedSequence;
    private final UploadStream upload;
    private final RecordFileWriter writer;
    private long endOffset;
    private long recordCount;
    private long lastAppendMillis;
    private boolean finished;

    OpenFile(WriterSettings settings, ObjectStore store, TopicPartition tp, String encodedPartition, long startOffset,
             long firstTimestamp, long openedSequence, long nowMillis) {
        this.key = LandingLayout.topicPrefix(settings.topicsDir(), tp.topic()) + encodedPartition + "/"
                + LandingLayout.fileName(tp.topic(), tp.partition(), startOffset, settings.format().extension());
        this.encodedPartition = encodedPartition;
        this.startOffset = startOffset;
        this.firstTimestamp = firstTimestamp;
        this.openedSequence = openedSequence;
        this.endOffset = startOffset - 1;
        this.lastAppendMillis = nowMillis;
        this.upload = new UploadStream(store, key, LandedObjects.stagingKey(settings.topicsDir(), key),
                settings.partSize());
        this.writer = settings.format().open(upload);
    }

    /** Whether the record may join (same schema for parquet); throws BadValueException for an unwritable one. */
    boolean fits(SinkRecord record) {
        return writer.fits(record);
    }

    /** Writes the record (BadValueException: nothing written); full parts go out with {@link #uploadFullParts}. */
    void append(SinkRecord record, long offset, long nowMillis) {
        writer.write(record);
        endOffset = offset;
        recordCount++;
        lastAppendMillis = nowMillis;
    }

    /** Retries parts that failed to upload after a record was written. */
    void uploadFullParts() {
        upload.uploadFullParts();
    }

    /** Why a record with {@code timestamp} cannot join this file (data-driven reasons only), or null. */
    String rotationReason(long timestamp, WriterSettings settings) {
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

    /** Finishes the format (once) and makes the object visible with {@code metadata}; retryable. */
    void land(java.util.Map<String, String> metadata) {
        if (!finished) {
            writer.finish();
            finished = true;
        }
        upload.complete(metadata);
    }

    void discard() {
        writer.discard();
        upload.abort();
    }

    long recordCount() {
        return recordCount;
    }

    long startOffset() {
        return startOffset;
    }

    long endOffset() {
        return endOffset;
    }

    long openedSequence() {
        return openedSequence;
    }

    String encodedPartition() {
        return encodedPartition;
    }

    String key() {
        return key;
    }

    UploadStream upload() {
        return upload;
    }
}
