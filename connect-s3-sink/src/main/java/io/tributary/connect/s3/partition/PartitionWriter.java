package io.tributary.connect.s3.partition;

import io.tributary.connect.s3.storage.LandedObject;
import io.tributary.connect.s3.storage.ObjectStore;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes one partition's records into landing files, one open file at a time, so the partition's objects are
 * contiguous offset ranges. Exactly-once rests on three rules:
 * <ul>
 *   <li>an offset below {@link #nextOffset} is already landed or buffered and is skipped (re-deliveries after a
 *       crash, a rewind, or a retried batch);</li>
 *   <li>{@link #committableOffset()} only moves after an upload succeeded, so Kafka never commits past S3;</li>
 *   <li>a file is uploaded with one atomic put, so S3 never shows half a file.</li>
 * </ul>
 * Not thread-safe: Connect calls a task from one thread.
 */
public final class PartitionWriter {
    private static final Logger log = LoggerFactory.getLogger(PartitionWriter.class);

    private final TopicPartition tp;
    private final WriterSettings settings;
    private final ObjectStore store;
    private final Clock clock;

    /** Lowest offset not yet landed or buffered; -1 until known (nothing landed, nothing delivered yet). */
    private long nextOffset = -1;
    /** Last landed offset + 1; -1 while nothing of this partition is known to be in the store. */
    private long committableOffset = -1;
    private OpenFile open;
    private OpenFile.FinishedFile pending;
    private long skippedRecords;
    private long uploadedFiles;

    public PartitionWriter(TopicPartition tp, WriterSettings settings, ObjectStore store, Clock clock,
                           Optional<LandedObject> newestLanded) {
        this.tp = tp;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        newestLanded.ifPresent(landed -> {
            nextOffset = landed.endOffset() + 1;
            committableOffset = landed.endOffset() + 1;
        });
    }

    /**
     * Whether the record at {@code offset} is new. A false answer is counted as a skipped record: its data is
     * already in S3 or in the open file.
     */
    public boolean accept(long offset) {
        if (nextOffset >= 0 && offset < nextOffset) {
            skippedRecords++;
            return false;
        }
        return true;
    }

    /** Appends an accepted record; may upload the open file first (new dt, interval) or after (flush.size). */
    public void append(long offset, long timestamp, byte[] line) {
        uploadPending();
        LocalDate date = Instant.ofEpochMilli(timestamp).atZone(settings.zone()).toLocalDate();
        if (open != null) {
            String reason = open.rotationReason(date, timestamp, settings);
            if (reason != null) {
                rotate(reason);
            }
        }
        if (open == null) {
            open = new OpenFile(settings.topicsDir(), tp, date, offset, timestamp);
        }
        open.append(offset, line, clock.millis());
        nextOffset = offset + 1;
        if (open.recordCount() >= settings.flushSize()) {
            rotate("flush.size");
        }
    }

    /** An accepted record that is not written (reported as errant): later files start after it. */
    public void skipOver(long offset) {
        nextOffset = offset + 1;
        if (open != null) {
            open.cover(offset);
        }
    }

    /** Uploads the open file if no record came for {@code rotate.idle.ms}, and retries a failed upload. */
    public void rotateIfIdle() {
        uploadPending();
        if (open != null && open.idleSince(clock.millis(), settings.rotateIdleMs())) {
            rotate("idle for " + settings.rotateIdleMs() + " ms");
        }
    }

    /** The offset Kafka may commit for this partition: last landed offset + 1, if anything is landed. */
    public OptionalLong committableOffset() {
        return committableOffset < 0 ? OptionalLong.empty() : OptionalLong.of(committableOffset);
    }

    /** Drops what is not uploaded (the worker re-delivers it from the committed offset); returns its record count. */
    public long discard() {
        long dropped = (open == null ? 0 : open.recordCount())
                + (pending == null ? 0 : pending.object().recordCount());
        if (open != null) {
            open.discard();
        }
        open = null;
        pending = null;
        return dropped;
    }

    public long skippedRecords() {
        return skippedRecords;
    }

    public long uploadedFiles() {
        return uploadedFiles;
    }

    public TopicPartition topicPartition() {
        return tp;
    }

    private void rotate(String reason) {
        OpenFile file = open;
        open = null;
        pending = file.finish();
        log.debug("Closing {} of {} at {} records: {}", file.key(), tp, file.recordCount(), reason);
        uploadPending();
    }

    private void uploadPending() {
        if (pending == null) {
            return;
        }
        LandedObject object = pending.object();
        long started = System.nanoTime();
        store.put(object.key(), pending.content(), object.userMetadata());
        committableOffset = object.endOffset() + 1;
        uploadedFiles++;
        log.info("Uploaded {}/{} for {}: offsets {}..{}, {} records, {} bytes in {} ms", store.describe(),
                object.key(), tp, object.startOffset(), object.endOffset(), object.recordCount(),
                pending.content().length, (System.nanoTime() - started) / 1_000_000);
        pending = null;
    }
}
