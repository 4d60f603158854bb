package io.tributary.connect.s3;

import io.tributary.connect.s3.format.JsonLinesGzipFormat;
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
                    Importance.LOW, "Files whose compressed size exceeds this many bytes are sent as a multipart "
                            + "upload with parts of this size; smaller files with one PutObject.",
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
                            + "<topics.dir>/<topic>/dt=YYYY-MM-DD/<topic>+<partition>+<startOffset>.jsonl.gz.",
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
                    Importance.MEDIUM, "Wall-clock ms without a new record of a partition after which its open "
                            + "file is uploaded, so the tail of a stream lands. -1 disables (then the tail waits "
                            + "for flush.size or rotate.interval.ms).",
                    GROUP_LAYOUT, 4, ConfigDef.Width.SHORT, "Rotate when idle")
            .define(TIMEZONE, Type.STRING, "UTC", ConfigValidators.zoneId(), Importance.MEDIUM,
                    "Time zone of the dt=YYYY-MM-DD partition, computed from the Kafka record timestamp.",
                    GROUP_LAYOUT, 5, ConfigDef.Width.SHORT, "Time zone")
            .define(FORMAT_CLASS, Type.STRING, JsonLinesGzipFormat.class.getName(),
                    ConfigDef.ValidString.in(JsonLinesGzipFormat.class.getName()), Importance.LOW,
                    "Output format. Record values (bytes or String, one JSON document each) are written as is, "
                            + "one per line, gzip-compressed.",
                    GROUP_LAYOUT, 6, ConfigDef.Width.LONG, "Format");

    public S3SinkConfig(Map<?, ?> props) {
        // doLog=true: AbstractConfig logs the effective values with PASSWORD ones shown as [hidden]
        super(CONFIG_DEF, props, true);
        validateCrossFields();
    }

    private void validateCrossFields() {
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

    public WriterSettings writerSettings() {
        return new WriterSettings(getString(TOPICS_DIR), ZoneId.of(getString(TIMEZONE)), getInt(FLUSH_SIZE),
                getLong(ROTATE_INTERVAL_MS), getLong(ROTATE_IDLE_MS));
    }
}
