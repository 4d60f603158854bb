package io.tributary.connect.s3.partition;

import io.tributary.connect.s3.format.RecordValues.BadValueException;
import io.tributary.connect.s3.storage.LandedObject;
import io.tributary.connect.s3.storage.LandedObjects.Recovery;
import io.tributary.connect.s3.storage.ObjectStore;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes one partition's records into landing files, one open file per encoded (time) partition. Exactly-once
 * rests on these rules (README.md, "Why it is exactly-once"):
 * <ul>
 *   <li>the <em>watermark</em> W = the lowest offset that is neither landed nor skipped = min(start of every open
 *       or not-yet-landed file, next offset to read); only W is ever committed ({@link #committableOffset()});</li>
 *   <li>each landed file records W and the start offsets of landed files ending at or above W in its metadata,
 *       so a restarted writer finds the resume point and the files it must not duplicate ({@link Recovery});</li>
 *   <li>after a restart, a delivered record at or above the resume point is skipped when a landed file of its
 *       encoded partition spans its offset: such a file holds every record of its encoded partition in its range;</li>
 *   <li>a file becomes visible atomically (one PutObject, or a completed multipart upload copied into place).</li>
 * </ul>
 * Not thread-safe: Connect calls a task from one thread.
 */
public final class PartitionWriter {
    private static final Logger log = LoggerFactory.getLogger(PartitionWriter.class);

    private final TopicPartition tp;
    private final WriterSettings settings;
    private final ObjectStore store;
    private final Clock clock;
    private final FileBudget budget;
    /** Open files by encoded partition, in opening order. */
    private final Map<String, OpenFile> open = new LinkedHashMap<>();
    /** Closed files whose upload has not succeeded yet (retried first). */
    private final List<OpenFile> pending = new ArrayList<>();
    /** Landed files ending at or above the watermark: re-delivered records they hold are skipped. */
    private final List<LandedObject> landedAbove = new ArrayList<>();

    /** Lowest offset not yet written, skipped or landed; -1 until known. */
    private long nextOffset;
    private long skippedRecords;
    private long ignoredNulls;
    private long uploadedFiles;

    public PartitionWriter(TopicPartition tp, WriterSettings settings, ObjectStore store, Clock clock,
                           FileBudget budget, Recovery recovery) {
        this.tp = tp;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.budget = budget;
        this.nextOffset = recovery.resumeOffset();
        this.landedAbove.addAll(recovery.above());
        budget.register(this);
    }

    /**
     * Writes {@code record} (at {@code offset} of this partition) unless it is already landed, written or
     * skipped. Throws {@link BadValueException} for a record that cannot be written (then nothing is written:
     * report it and call {@link #skipOver}); may first close and upload files (rotation, file budget).
     */
    public void write(SinkRecord record, long offset) {
        if (nextOffset >= 0 && offset < nextOffset) {
            skippedRecords++;
            return;
        }
        landPending();
        if (record.value() == null && settings.ignoreNulls()) {
            ignoredNulls++;
            skipOver(offset);
            return;
        }
        long timestamp = settings.timestamps().timestampOf(record);
        String partition = settings.partitioner().encodedPartition(timestamp);
        if (landedAbove.stream().anyMatch(o -> o.covers(partition, offset))) {
            skippedRecords++;
            nextOffset = offset + 1;
            return;
        }
        OpenFile file = open.get(partition);
        if (file != null) {
            String reason = file.rotationReason(timestamp, settings);
            if (reason == null && !file.fits(record)) {
                reason = "schema changed";
            }
            if (reason != null) {
                close(file, reason);
                file = null;
            }
        }
        if (file == null) {
            long sequence = budget.beforeOpen();
            file = new OpenFile(settings, store, tp, partition, offset, timestamp, sequence, clock.millis());
            open.put(partition, file);
        }
        try {
            file.append(record, offset, clock.millis());
        } catch (BadValueException e) {
            if (file.recordCount() == 0) {
                open.remove(partition);
                file.discard();
            }
            throw e;
        }
        nextOffset = offset + 1;
        if (file.recordCount() >= settings.flushSize()) {
            close(file, "flush.size");
        } else {
            file.uploadFullParts();
        }
    }

    /** A record that is not written (reported as errant, ignored null): the watermark may pass it. */
    public void skipOver(long offset) {
        nextOffset = Math.max(nextOffset, offset + 1);
    }

    /** Retries failed uploads, sends full parts, and uploads files that got no record for {@code rotate.idle.ms}. */
    public void rotateIfIdle() {
        landPending();
        long now = clock.millis();
        for (OpenFile file : List.copyOf(open.values())) {
            file.uploadFullParts();
            if (file.idleSince(now, settings.rotateIdleMs())) {
                close(file, "idle for " + settings.rotateIdleMs() + " ms");
            }
        }
    }

    /** The offset Kafka may commit: the watermark, if anything of the partition is known. */
    public OptionalLong committableOffset() {
        return nextOffset < 0 ? OptionalLong.empty() : OptionalLong.of(watermarkWithout(null));
    }

    /** Drops what is not landed (the worker re-delivers it from the committed offset); returns its record count. */
    public long discard() {
        long dropped = 0;
        for (OpenFile file : open.values()) {
            dropped += file.recordCount();
            file.discard();
        }
        for (OpenFile file : pending) {
            dropped += file.recordCount();
            file.discard();
        }
        open.clear();
        pending.clear();
        budget.unregister(this);
        return dropped;
    }

    OpenFile oldestOpenFile() {
        return open.values().stream().min(Comparator.comparingLong(OpenFile::openedSequence)).orElse(null);
    }

    void closeOldest(String reason) {
        close(oldestOpenFile(), reason);
    }

    int openFileCount() {
        return open.size();
    }

    public long skippedRecords() {
        return skippedRecords;
    }

    public long ignoredNulls() {
        return ignoredNulls;
    }

    public long uploadedFiles() {
        return uploadedFiles;
    }

    public TopicPartition topicPartition() {
        return tp;
    }

    private void close(OpenFile file, String reason) {
        open.remove(file.encodedPartition());
        pending.add(file);
        log.debug("Closing {} of {} at {} records: {}", file.key(), tp, file.recordCount(), reason);
        landPending();
    }

    /** Lands pending files in order; then, while too many landed files sit above the watermark, closes the open
     *  file holding it back (the one starting lowest), which also keeps the committed offset moving. */
    private void landPending() {
        while (true) {
            while (!pending.isEmpty()) {
                land(pending.get(0));
                pending.remove(0);
            }
            if (landedAbove.size() <= WriterSettings.MAX_LANDED_ABOVE_WATERMARK || open.isEmpty()) {
                return;
            }
            OpenFile lowest = open.values().stream().min(Comparator.comparingLong(OpenFile::startOffset)).orElseThrow();
            open.remove(lowest.encodedPartition());
            pending.add(lowest);
            log.debug("Closing {} of {}: {} landed files above the watermark", lowest.key(), tp, landedAbove.size());
        }
    }

    private void land(OpenFile file) {
        long watermark = watermarkWithout(file);
        List<LandedObject> above = new ArrayList<>(landedAbove.stream().filter(o -> o.endOffset() >= watermark).toList());
        List<Long> starts = new ArrayList<>(above.stream().map(LandedObject::startOffset).toList());
        if (file.endOffset() >= watermark) {
            starts.add(file.startOffset());
        }
        LandedObject object = new LandedObject(file.key(), file.encodedPartition(), file.startOffset(),
                file.endOffset(), file.recordCount(), watermark, starts);
        long started = System.nanoTime();
        file.land(object.userMetadata());
        uploadedFiles++;
        if (file.endOffset() >= watermark) {
            above.add(object);
        }
        landedAbove.clear();
        landedAbove.addAll(above);
        log.info("Uploaded {}/{} for {}: offsets {}..{}, {} records, {} bytes{} in {} ms; watermark {}",
                store.describe(), object.key(), tp, object.startOffset(), object.endOffset(), object.recordCount(),
                file.upload().bytesWritten(), file.upload().multipart() ? " (" + file.upload().parts() + " parts)" : "",
                (System.nanoTime() - started) / 1_000_000, watermark);
    }

    private long watermarkWithout(OpenFile excluded) {
        long watermark = nextOffset;
        for (OpenFile file : open.values()) {
            watermark = Math.min(watermark, file.startOffset());
        }
        for (OpenFile file : pending) {
            if (file != excluded) {
                watermark = Math.min(watermark, file.startOffset());
            }
        }
        return watermark;
    }
}
