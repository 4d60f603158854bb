package io.tributary.connect.s3;

import io.tributary.connect.s3.format.RecordValues;
import io.tributary.connect.s3.format.RecordValues.BadValueException;
import io.tributary.connect.s3.partition.FileBudget;
import io.tributary.connect.s3.partition.PartitionWriter;
import io.tributary.connect.s3.partition.WriterSettings;
import io.tributary.connect.s3.storage.LandedObjects;
import io.tributary.connect.s3.storage.LandedObjects.Recovery;
import io.tributary.connect.s3.storage.ObjectStore;
import io.tributary.connect.s3.storage.S3Clients;
import io.tributary.connect.s3.storage.S3ObjectStore;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lands the records of its assigned partitions in S3. Offsets handed to the worker ({@link #preCommit}) only
 * cover records already uploaded, and {@link #open} resumes after the newest landed object, so records are
 * neither lost nor landed twice, even when the worker's offset commit was lost in a crash.
 */
public class S3SinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(S3SinkTask.class);

    private final Function<S3SinkConfig, ObjectStore> storeFactory;
    private final Clock clock;
    private final Map<TopicPartition, PartitionWriter> writers = new HashMap<>();
    private WriterSettings settings;
    private FileBudget budget;
    private ObjectStore store;
    private ErrantRecordReporter reporter;

    public S3SinkTask() {
        this(defaultStoreFactory(), Clock.systemUTC());
    }

    /** For tests: another store (a fake) and clock. */
    S3SinkTask(Function<S3SinkConfig, ObjectStore> storeFactory, Clock clock) {
        this.storeFactory = storeFactory;
        this.clock = clock;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        S3SinkConfig config = new S3SinkConfig(props);
        settings = config.writerSettings();
        budget = new FileBudget(config.maxOpenFilesPerTask());
        store = storeFactory.apply(config);
        reporter = errantRecordReporter();
        log.info("Started S3 sink task writing to {}/{} with {} (errant record reporter: {})", store.describe(),
                settings.topicsDir(), settings, reporter == null ? "none, bad records fail the task" : "DLQ");
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        Map<String, List<TopicPartition>> byTopic = partitions.stream()
                .collect(Collectors.groupingBy(TopicPartition::topic));
        byTopic.forEach((topic, topicPartitions) -> {
            Map<TopicPartition, Recovery> recovered = LandedObjects.recover(store, settings.topicsDir(), topic,
                    topicPartitions, settings.format().extension());
            for (TopicPartition tp : topicPartitions) {
                Recovery recovery = recovered.getOrDefault(tp, Recovery.NOTHING);
                PartitionWriter previous = writers.put(tp, new PartitionWriter(tp, settings, store, clock, budget,
                        recovery));
                if (previous != null) {
                    previous.discard();
                }
                if (recovery.resumeOffset() >= 0) {
                    // the consumer's committed offset may lag behind S3 (a commit lost in a crash): S3 is the truth
                    context.offset(tp, recovery.resumeOffset());
                    log.info("Opened {}: resuming at offset {} from the landed files' watermark; {} landed files "
                            + "at or above it", tp, recovery.resumeOffset(), recovery.above().size());
                } else {
                    log.info("Opened {}: nothing landed yet, starting at the consumer's committed offset", tp);
                }
            }
        });
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        // the worker calls put also with no records, which is what lets idle partitions land their tail
        for (PartitionWriter writer : writers.values()) {
            writer.rotateIfIdle();
        }
        for (SinkRecord record : records) {
            // the original coordinates: a transform may rename the topic, but offsets belong to the consumed one
            TopicPartition tp = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            long offset = record.originalKafkaOffset();
            PartitionWriter writer = writers.get(tp);
            if (writer == null) {
                throw new ConnectException(RecordValues.describe(record) + " belongs to a partition this task "
                        + "was not opened for; assigned: " + writers.keySet());
            }
            try {
                writer.write(record, offset);
            } catch (BadValueException e) {
                reportOrFail(record, e);
                writer.skipOver(offset);
            }
        }
    }

    private void reportOrFail(SinkRecord record, BadValueException e) {
        if (reporter == null) {
            throw new ConnectException(e.getMessage() + ". To send such records to a dead-letter topic instead, "
                    + "set errors.tolerance=all and errors.deadletterqueue.topic.name", e);
        }
        log.warn("Reporting {} as errant: {}", RecordValues.describe(record), e.getMessage());
        reporter.report(record, e);
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
        for (PartitionWriter writer : writers.values()) {
            try {
                writer.rotateIfIdle();
            } catch (RetriableException e) {
                // commit what is landed; the upload is retried on the next put or preCommit
                log.warn("Upload for {} failed, will retry: {}", writer.topicPartition(), e.getMessage());
            }
            writer.committableOffset().ifPresent(offset ->
                    committable.put(writer.topicPartition(), new OffsetAndMetadata(offset)));
        }
        log.debug("Committable offsets: {}", committable);
        return committable;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            PartitionWriter writer = writers.remove(tp);
            if (writer != null) {
                long dropped = writer.discard();
                log.info("Closed {}: {} files uploaded, {} re-delivered records skipped, {} null values ignored, "
                        + "{} buffered records dropped (re-delivered from the committed offset)", tp,
                        writer.uploadedFiles(), writer.skippedRecords(), writer.ignoredNulls(), dropped);
            }
        }
    }

    @Override
    public void stop() {
        writers.values().forEach(PartitionWriter::discard);
        writers.clear();
        if (store != null) {
            store.close();
        }
    }

    /** Records skipped so far because they were already landed or buffered, per open partition. */
    Map<TopicPartition, Long> skippedRecords() {
        Map<TopicPartition, Long> skipped = new HashMap<>();
        writers.forEach((tp, w) -> skipped.put(tp, w.skippedRecords()));
        return skipped;
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            // workers older than Kafka 2.6 (still offered by some managed services) have no reporter
            return null;
        }
    }

    /** The real S3 store; tests pair it with their own clock. */
    static Function<S3SinkConfig, ObjectStore> defaultStoreFactory() {
        return S3SinkTask::s3Store;
    }

    private static ObjectStore s3Store(S3SinkConfig config) {
        var settings = new S3Clients.Settings(config.region(), config.storeUrl(), config.pathStyleAccess(),
                config.awsAccessKeyId(), config.awsSecretAccessKey().value(), config.partRetries(),
                Duration.ofMillis(config.retryBackoffMs()));
        return new S3ObjectStore(S3Clients.create(settings), config.bucket());
    }
}
