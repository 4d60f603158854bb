package io.tributary.connect.s3;

import io.tributary.connect.s3.format.JsonLinesGzipFormat;
import io.tributary.connect.s3.format.ParquetFormat;
import io.tributary.connect.s3.format.RecordFormat;
import io.tributary.connect.s3.format.RecordValues;
import io.tributary.connect.s3.partition.JodaLetters;
import io.tributary.connect.s3.partition.RecordFieldTimestampExtractor;
import io.tributary.connect.s3.partition.TimeBasedPartitioner;
import io.tributary.connect.s3.partition.TimestampExtractor;
import io.tributary.connect.s3.partition.WriterSettings;
import io.tributary.events.LandingLayout;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the S3 sink. Key names follow Confluent's S3 sink where the meaning is the same, so an operator
 * can move between the two connectors without relearning them (connect-config/README.md shows both side by side).
 */
public final class S3SinkConfig extends AbstractConfig {
    public static final String S3_BUCKET_NAME = "s3.bucket.name";
    public static final String S3_REGION = "s3.region";
    public static final String STORE_URL = "store.url";
    public static final String S3_PATH_STYLE_ACCESS_ENABLED = "s3.path.style.access.enabled";
    public static final String AWS_ACCESS_KEY_ID = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String S3_PART_SIZE = "s3.part.size";
    public static final String S3_PART_RETRIES = "s3.part.retries";
    public static final String S3_RETRY_BACKOFF_MS = "s3.retry.backoff.ms";
    public static final String TOPICS_DIR = "topics.dir";
    public static final String FLUSH_SIZE = "flush.size";
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final String ROTATE_IDLE_MS = "rotate.idle.ms";
    public static final String TIMEZONE = "timezone";
    public static final String FORMAT_CLASS = "format.class";
    public static final String PATH_FORMAT = "path.format";
    public static final String PARTITION_DURATION_MS = "partition.duration.ms";
    public static final String LOCALE = "locale";
    public static final String TIMESTAMP_EXTRACTOR = "timestamp.extractor";
    public static final String TIMESTAMP_FIELD = "timestamp.field";
    public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
    public static final String MAX_OPEN_FILES_PER_TASK = "max.open.files.per.task";

    public static final String EXTRACTOR_RECORD = "Record";
    public static final String EXTRACTOR_RECORD_FIELD = "RecordField";
    public static final String NULLS_FAIL = "fail";
    public static final String NULLS_IGNORE = "ignore";
    public static final String PARQUET_FORMAT = "io.tributary.connect.s3.format.ParquetFormat";

    public static final String DEFAULT_REGION = "us-east-1";
    public static final int DEFAULT_FLUSH_SIZE = 10_000;
    public static final long DEFAULT_ROTATE_INTERVAL_MS = 60_000L;
    public static final long DEFAULT_ROTATE_IDLE_MS = 10_000L;
    /** S3's minimum part size is 5 MiB; Confluent's default is 25 MiB. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    public static final int DEFAULT_PART_SIZE = 25 * 1024 * 1024;

    private static final String GROUP_S3 = "S3";
    private static final String GROUP_LAYOUT = "Layout and rotation";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(S3_BUCKET_NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.bucketName(),
                    Importance.HIGH, "Bucket the landing zone is written to (must exist).",
                    GROUP_S3, 1, ConfigDef.Width.MEDIUM, "Bucket")
            .define(S3_REGION, Type.STRING, DEFAULT_REGION, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "AWS region of the bucket (also used to sign requests to store.url).",
                    GROUP_S3, 2, ConfigDef.Width.SHORT, "Region")
            .define(STORE_URL, Type.STRING, "", ConfigValidators.emptyOrHttpUrl(),
                    Importance.MEDIUM, "Endpoint override for S3-compatible stores (s3proxy, MinIO), e.g. "
                            + "http://127.0.0.1:9000. Empty = AWS's endpoint for s3.region.",
                    GROUP_S3, 3, ConfigDef.Width.LONG, "Store URL")
            .define(S3_PATH_STYLE_ACCESS_ENABLED, Type.BOOLEAN, false, Importance.LOW,
                    "Address the bucket in the path (http://host/bucket/key) instead of the host name; "
                            + "S3-compatible stores usually need true.",
                    GROUP_S3, 4, ConfigDef.Width.SHORT, "Path-style access")
            .define(AWS_ACCESS_KEY_ID, Type.PASSWORD, "", Importance.MEDIUM,
                    "Static access key id. Leave empty to use the AWS default credential chain (env, profile, "
                            + "web identity, instance/task role) — the recommended way on AWS.",
                    GROUP_S3, 5, ConfigDef.Width.MEDIUM, "Access key id")
            .define(AWS_SECRET_ACCESS_KEY, Type.PASSWORD, "", Importance.MEDIUM,
                    "Static secret key, used only together with aws.access.key.id.",
                    GROUP_S3, 6, ConfigDef.Width.MEDIUM, "Secret access key")
            .define(S3_PART_SIZE, Type.INT, DEFAULT_PART_SIZE, ConfigDef.Range.between(MIN_PART_SIZE, Integer.MAX_VALUE),
                    Importance.LOW, "Bytes per multipart part: an open file holds at most about this much in memory "
                            + "and sends each full part while it is written; a file smaller than one part is one "
                            + "PutObject.",
                    GROUP_S3, 7, ConfigDef.Width.SHORT, "Part size")
            .define(S3_PART_RETRIES, Type.INT, 3, ConfigDef.Range.between(0, 20), Importance.LOW,
                    "Retries of a throttled (503 SlowDown) or failed (5xx, I/O) S3 request before the batch is "
                            + "handed back to the worker as retriable.",
                    GROUP_S3, 8, ConfigDef.Width.SHORT, "Retries")
            .define(S3_RETRY_BACKOFF_MS, Type.LONG, 200L, ConfigDef.Range.between(1, 60_000), Importance.LOW,
                    "Base delay of the exponential back-off between S3 retries.",
                    GROUP_S3, 9, ConfigDef.Width.SHORT, "Retry back-off")
            .define(TOPICS_DIR, Type.STRING, LandingLayout.DEFAULT_TOPICS_DIR, ConfigValidators.topicsDir(),
                    Importance.HIGH, "Top-level prefix of the landing zone: objects are "
                            + "<topics.dir>/<topic>/<path.format>/<topic>+<partition>+<startOffset>.<extension>.",
                    GROUP_LAYOUT, 1, ConfigDef.Width.MEDIUM, "Topics dir")
            .define(FLUSH_SIZE, Type.INT, DEFAULT_FLUSH_SIZE, ConfigDef.Range.atLeast(1), Importance.HIGH,
                    "Records per file: a file is uploaded as soon as it holds this many.",
                    GROUP_LAYOUT, 2, ConfigDef.Width.SHORT, "Flush size")
            .define(ROTATE_INTERVAL_MS, Type.LONG, DEFAULT_ROTATE_INTERVAL_MS, ConfigValidators.disabledOrPositive(),
                    Importance.MEDIUM, "Maximum span of Kafka record timestamps in one file: a record more than "
                            + "this many ms after the file's first record starts a new file. Data-driven, so "
                            + "replays produce the same files. -1 disables.",
                    GROUP_LAYOUT, 3, ConfigDef.Width.SHORT, "Rotate interval")
            .define(ROTATE_IDLE_MS, Type.LONG, DEFAULT_ROTATE_IDLE_MS, ConfigValidators.disabledOrPositive(),
                    Importance.MEDIUM, "Wall-clock ms without a new record for an open file after which it "
                            + "is uploaded, so the tail of a stream lands. -1 disables (then the tail waits "
                            + "for flush.size or rotate.interval.ms).",
                    GROUP_LAYOUT, 4, ConfigDef.Width.SHORT, "Rotate when idle")
            .define(TIMEZONE, Type.STRING, "UTC", ConfigValidators.zoneId(), Importance.MEDIUM,
                    "Time zone of the time partitions: partition.duration.ms is floored and path.format formatted "
                            + "in it (a daily partition starts at local midnight).",
                    GROUP_LAYOUT, 5, ConfigDef.Width.SHORT, "Time zone")
            .define(FORMAT_CLASS, Type.STRING, JsonLinesGzipFormat.class.getName(),
                    ConfigDef.ValidString.in(JsonLinesGzipFormat.class.getName(), PARQUET_FORMAT), Importance.LOW,
                    "Output format. JsonLinesGzipFormat: record values (bytes or String, one JSON document each) "
                            + "as is, one per line, gzip (.jsonl.gz). ParquetFormat: values with a Connect schema "
                            + "(Struct, e.g. JsonConverter with schemas or Avro) as snappy parquet (.parquet).",
                    GROUP_LAYOUT, 6, ConfigDef.Width.LONG, "Format")
            .define(PATH_FORMAT, Type.STRING, TimeBasedPartitioner.DEFAULT_PATH_FORMAT, ConfigValidators.pathFormat(),
                    Importance.MEDIUM, "Folder of a time partition, a Joda-Time pattern as in Confluent's "
                            + "TimeBasedPartitioner: YYYY year, MM month, dd day of month (DD is day of year), HH "
                            + "hour; quoted text is literal. Default gives dt=2020-01-31.",
                    GROUP_LAYOUT, 7, ConfigDef.Width.MEDIUM, "Path format")
            .define(PARTITION_DURATION_MS, Type.LONG, TimeBasedPartitioner.DEFAULT_PARTITION_DURATION_MS,
                    ConfigDef.Range.atLeast(1), Importance.MEDIUM, "Length of a time partition: a record's time "
                            + "is floored to a multiple of it (in timezone) before path.format formats it.",
                    GROUP_LAYOUT, 8, ConfigDef.Width.SHORT, "Partition duration")
            .define(LOCALE, Type.STRING, "en-US", ConfigValidators.locale(), Importance.LOW,
                    "Locale of path.format (month or day names), e.g. en-US.",
                    GROUP_LAYOUT, 9, ConfigDef.Width.SHORT, "Locale")
            .define(TIMESTAMP_EXTRACTOR, Type.STRING, EXTRACTOR_RECORD,
                    ConfigDef.ValidString.in(EXTRACTOR_RECORD, EXTRACTOR_RECORD_FIELD), Importance.MEDIUM,
                    "Which time decides the partition and rotate.interval.ms: Record = the Kafka record "
                            + "timestamp; RecordField = the value's field timestamp.field. (Confluent's Wallclock "
                            + "is not offered: it would put a replayed record into another folder.)",
                    GROUP_LAYOUT, 10, ConfigDef.Width.SHORT, "Timestamp extractor")
            .define(TIMESTAMP_FIELD, Type.STRING, "", Importance.MEDIUM,
                    "With timestamp.extractor=RecordField: the value field holding the time (dots for nested "
                            + "fields), epoch millis or ISO-8601, e.g. event_time.",
                    GROUP_LAYOUT, 11, ConfigDef.Width.MEDIUM, "Timestamp field")
            .define(BEHAVIOR_ON_NULL_VALUES, Type.STRING, NULLS_FAIL, ConfigDef.ValidString.in(NULLS_FAIL, NULLS_IGNORE),
                    Importance.LOW, "A record with a null value (tombstone): fail = an errant record (DLQ with "
                            + "errors.tolerance=all, else the task fails); ignore = skipped and counted.",
                    GROUP_LAYOUT, 12, ConfigDef.Width.SHORT, "Null values")
            .define(MAX_OPEN_FILES_PER_TASK, Type.INT, 100, ConfigDef.Range.between(1, 100_000), Importance.MEDIUM,
                    "Open files per task (one per partition and time partition); opening one more closes and "
                            + "uploads the oldest. Bounds memory: each open file buffers up to s3.part.size.",
                    GROUP_LAYOUT, 13, ConfigDef.Width.SHORT, "Max open files");

    public S3SinkConfig(Map<?, ?> props) {
        // doLog=true: AbstractConfig logs the effective values with PASSWORD ones shown as [hidden]
        super(CONFIG_DEF, props, true);
        validateCrossFields();
    }

    private void validateCrossFields() {
        String extractor = getString(TIMESTAMP_EXTRACTOR);
        String field = getString(TIMESTAMP_FIELD);
        if (EXTRACTOR_RECORD_FIELD.equals(extractor) && field.isBlank()) {
            throw new ConfigException(TIMESTAMP_EXTRACTOR + "=" + EXTRACTOR_RECORD_FIELD + " needs "
                    + TIMESTAMP_FIELD + " (the value field holding the time)");
        }
        if (!EXTRACTOR_RECORD_FIELD.equals(extractor) && !field.isBlank()) {
            throw new ConfigException(TIMESTAMP_FIELD + "=" + field + " is only read with " + TIMESTAMP_EXTRACTOR
                    + "=" + EXTRACTOR_RECORD_FIELD + " (it is " + extractor + ")");
        }
        String letters = JodaLetters.of(getString(PATH_FORMAT));
        if (letters.contains("D") && letters.contains("M")) {
            throw new ConfigException(PATH_FORMAT + "=" + getString(PATH_FORMAT) + " combines MM (month) with DD "
                    + "(day of year); use dd for the day of the month");
        }
        if (getLong(PARTITION_DURATION_MS) < 86_400_000L && !letters.contains("H") && !letters.contains("h")
                && !letters.contains("k") && !letters.contains("K")) {
            throw new ConfigException(PARTITION_DURATION_MS + "=" + getLong(PARTITION_DURATION_MS) + " cuts "
                    + "partitions shorter than a day but " + PATH_FORMAT + "=" + getString(PATH_FORMAT) + " has no "
                    + "hour field, so several partitions would share one folder");
        }
        boolean hasKey = !awsAccessKeyId().isEmpty();
        boolean hasSecret = !getPassword(AWS_SECRET_ACCESS_KEY).value().isEmpty();
        if (hasKey != hasSecret) {
            throw new ConfigException(AWS_ACCESS_KEY_ID + " and " + AWS_SECRET_ACCESS_KEY + " must be set together "
                    + "(or both left empty to use the AWS default credential chain)");
        }
    }

    public String bucket() {
        return getString(S3_BUCKET_NAME);
    }

    public String region() {
        return getString(S3_REGION);
    }

    public Optional<URI> storeUrl() {
        String url = getString(STORE_URL);
        return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
    }

    public boolean pathStyleAccess() {
        return getBoolean(S3_PATH_STYLE_ACCESS_ENABLED);
    }

    public String awsAccessKeyId() {
        return getPassword(AWS_ACCESS_KEY_ID).value();
    }

    public Password awsSecretAccessKey() {
        return getPassword(AWS_SECRET_ACCESS_KEY);
    }

    public int partSize() {
        return getInt(S3_PART_SIZE);
    }

    public int partRetries() {
        return getInt(S3_PART_RETRIES);
    }

    public long retryBackoffMs() {
        return getLong(S3_RETRY_BACKOFF_MS);
    }

    public int maxOpenFilesPerTask() {
        return getInt(MAX_OPEN_FILES_PER_TASK);
    }

    public TimeBasedPartitioner partitioner() {
        return new TimeBasedPartitioner(getString(PATH_FORMAT), getLong(PARTITION_DURATION_MS),
                ZoneId.of(getString(TIMEZONE)), ConfigValidators.toLocale(getString(LOCALE)));
    }

    public TimestampExtractor timestampExtractor() {
        return EXTRACTOR_RECORD_FIELD.equals(getString(TIMESTAMP_EXTRACTOR))
                ? new RecordFieldTimestampExtractor(getString(TIMESTAMP_FIELD))
                : RecordValues::timestampOf;
    }

    public RecordFormat format() {
        return PARQUET_FORMAT.equals(getString(FORMAT_CLASS)) ? new ParquetFormat() : new JsonLinesGzipFormat();
    }

    public WriterSettings writerSettings() {
        return new WriterSettings(getString(TOPICS_DIR), partitioner(), timestampExtractor(), format(),
                getInt(FLUSH_SIZE), getLong(ROTATE_INTERVAL_MS), getLong(ROTATE_IDLE_MS), partSize(),
                NULLS_IGNORE.equals(getString(BEHAVIOR_ON_NULL_VALUES)));
    }
}
