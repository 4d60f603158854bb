package io.tributary.batch.config;

import io.tributary.events.SparkCheckpoints;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every key of the Spark micro-batch (API.md, spark-batch). {@code warehouse.*} keys are not declared here: they are
 * passed through to the loader's own config, which validates them.
 */
public final class BatchConfig extends AbstractConfig {
    public static final String SPARK_MASTER = "spark.master";
    public static final String SPARK_TRIGGER = "spark.trigger";
    public static final String SPARK_CHECKPOINT_LOCATION = "spark.checkpoint.location";
    public static final String SPARK_MAX_FILES_PER_TRIGGER = "spark.max.files.per.trigger";
    public static final String SPARK_SHUFFLE_PARTITIONS = "spark.shuffle.partitions";
    public static final String S3_BUCKET = "s3.bucket";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_REGION = "s3.region";
    public static final String S3_PATH_STYLE_ACCESS = "s3.path.style.access";
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";
    public static final String S3_SCHEME = "s3.scheme";
    public static final String LANDING_TOPICS_DIR = "landing.topics.dir";
    public static final String PAIRING_MAX_CALL_DURATION = "pairing.max.call.duration";
    public static final String PAIRING_ALLOWED_LATENESS = "pairing.allowed.lateness";
    public static final String LANDING_DATES_FROM = "landing.dates.from";
    public static final String LANDING_DATES_TO = "landing.dates.to";
    public static final String WEB_ENABLED = "web.enabled";
    public static final String WEB_CHECKPOINT_LOCATION = "spark.web.checkpoint.location";
    public static final String WEB_SESSION_INACTIVITY = "web.session.inactivity";
    public static final String LAKE_COMPACT_EVERY_BATCHES = "lake.compact.every.batches";
    public static final String LAKE_COMPACT_TARGET_FILE_BYTES = "lake.compact.target.file.bytes";
    public static final String LAKE_COMPACT_MIN_FILES = "lake.compact.min.files";

    /** Keys with this prefix belong to the warehouse loader. */
    public static final String WAREHOUSE_PREFIX = "warehouse.";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(SPARK_MASTER, Type.STRING, "local[2]", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Spark master when not launched by spark-submit (spark-submit's --master wins).")
            .define(SPARK_TRIGGER, Type.STRING, "10m", TriggerSpec.VALIDATOR, Importance.HIGH,
                    "Micro-batch interval (e.g. 30s, 10m, 1h) or 'available-now' to process what has landed and stop.")
            .define(SPARK_CHECKPOINT_LOCATION, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Checkpoint directory (URI or local path): offsets, pairing state, and the query id that "
                            + "prefixes every load batch id. A new location starts a new query id.")
            .define(SPARK_MAX_FILES_PER_TRIGGER, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Landing files read per micro-batch at most.")
            .define(SPARK_SHUFFLE_PARTITIONS, Type.INT, 4, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "State partitions of a NEW checkpoint (fixed for its life); spark-submit's "
                            + "spark.sql.shuffle.partitions wins.")
            .define(S3_BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Bucket holding landing/, staging/ and processed/; with s3.scheme=file an absolute directory.")
            .define(S3_ENDPOINT, Type.STRING, "", Importance.MEDIUM,
                    "S3 endpoint URL for S3-compatible servers (http://127.0.0.1:9000); empty = AWS.")
            .define(S3_REGION, Type.STRING, "us-east-1", Importance.MEDIUM, "S3 region.")
            .define(S3_PATH_STYLE_ACCESS, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Path-style requests (needed by most S3-compatible servers).")
            .define(S3_ACCESS_KEY, Type.PASSWORD, "", Importance.HIGH,
                    "Access key; empty = the AWS default credential chain (env AWS_ACCESS_KEY_ID is also accepted).")
            .define(S3_SECRET_KEY, Type.PASSWORD, "", Importance.HIGH,
                    "Secret key; empty = the AWS default credential chain (env AWS_SECRET_ACCESS_KEY is also accepted).")
            .define(S3_SCHEME, Type.STRING, "s3a", ConfigDef.ValidString.in("s3a", "s3", "file"), Importance.MEDIUM,
                    "URI scheme of the lake: s3a (Hadoop S3A), s3 (EMRFS on EMR), file (local disk, tests).")
            .define(LANDING_TOPICS_DIR, Type.STRING, "landing", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Top directory of the landing zone (the sink's topics.dir).")
            .define(PAIRING_MAX_CALL_DURATION, Type.STRING, "1h", DurationSpec.VALIDATOR, Importance.MEDIUM,
                    "A START still open when the watermark passes start + this is quarantined as unmatched_start.")
            .define(PAIRING_ALLOWED_LATENESS, Type.STRING, "10m", DurationSpec.VALIDATOR, Importance.MEDIUM,
                    "Watermark delay: events older than (max event time seen - this) are quarantined as late; "
                            + "until then calls are loaded provisionally and re-paired when an out-of-order event "
                            + "changes them. Every group keeps the events of this span in its state and re-pairs "
                            + "them each micro-batch, so state and work grow with event rate x lateness: a long "
                            + "lateness suits sparse or slow streams (and tributary backfill repairs days that got "
                            + "late events).")
            .define(LANDING_DATES_FROM, Type.STRING, "", LandingDates.VALIDATOR, Importance.LOW,
                    "Backfill: first landed dt= day to read (inclusive); empty with landing.dates.to = every day.")
            .define(LANDING_DATES_TO, Type.STRING, "", LandingDates.VALIDATOR, Importance.LOW,
                    "Backfill: last landed dt= day to read (inclusive).")
            .define(WEB_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Also run the web query (landing web.requests -> web_requests, web_sessions) in the same job.")
            .define(WEB_CHECKPOINT_LOCATION, Type.STRING, "", Importance.MEDIUM,
                    "Checkpoint of the web query; empty = <spark.checkpoint.location>-web.")
            .define(WEB_SESSION_INACTIVITY, Type.STRING, "30m", DurationSpec.VALIDATOR, Importance.LOW,
                    "A gap longer than this between two requests of a visitor starts a new session.")
            .define(LAKE_COMPACT_EVERY_BATCHES, Type.INT, 6, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Compact the processed-zone dates written since the last compaction every this many micro-batches"
                            + " (and when a run-to-completion job ends); 0 = never.")
            .define(LAKE_COMPACT_TARGET_FILE_BYTES, Type.LONG, 128L * 1024 * 1024,
                    ConfigDef.Range.atLeast(1024 * 1024), Importance.LOW,
                    "Size a compacted processed-zone file aims at; files of at least half of it are left alone.")
            .define(LAKE_COMPACT_MIN_FILES, Type.INT, 8, ConfigDef.Range.atLeast(2), Importance.LOW,
                    "A processed-zone date is compacted once it holds this many small files.");

    private final Map<String, Object> warehouseProps;

    public BatchConfig(Map<String, ?> props) {
        super(CONFIG, withoutWarehouseKeys(props), false);
        this.warehouseProps = warehouseKeys(props);
        if (!s3Scheme().equals("file") && s3Bucket().contains("/")) {
            throw new ConfigException(S3_BUCKET, s3Bucket(),
                    "a bucket name has no '/'; only s3.scheme=file takes a directory");
        }
        if (s3Scheme().equals("file") && !s3Bucket().startsWith("/")) {
            throw new ConfigException(S3_BUCKET, s3Bucket(), "s3.scheme=file needs an absolute directory");
        }
        landingDates();
    }

    public String sparkMaster() {
        return getString(SPARK_MASTER);
    }

    public TriggerSpec trigger() {
        return TriggerSpec.parse(getString(SPARK_TRIGGER));
    }

    public String checkpointLocation() {
        return getString(SPARK_CHECKPOINT_LOCATION);
    }

    public int maxFilesPerTrigger() {
        return getInt(SPARK_MAX_FILES_PER_TRIGGER);
    }

    public int shufflePartitions() {
        return getInt(SPARK_SHUFFLE_PARTITIONS);
    }

    public String s3Bucket() {
        return getString(S3_BUCKET);
    }

    public String s3Endpoint() {
        return getString(S3_ENDPOINT);
    }

    public String s3Region() {
        return getString(S3_REGION);
    }

    public boolean s3PathStyleAccess() {
        return getBoolean(S3_PATH_STYLE_ACCESS);
    }

    /** Both keys, or empty for the default credential chain. */
    public Optional<S3Keys> s3Keys() {
        String access = getPassword(S3_ACCESS_KEY).value();
        String secret = getPassword(S3_SECRET_KEY).value();
        if (access.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        if (access.isEmpty() || secret.isEmpty()) {
            throw new ConfigException(access.isEmpty() ? S3_ACCESS_KEY : S3_SECRET_KEY, "[hidden]",
                    "s3.access.key and s3.secret.key must be given together (or neither, for the default chain)");
        }
        return Optional.of(new S3Keys(access, getPassword(S3_SECRET_KEY)));
    }

    public String s3Scheme() {
        return getString(S3_SCHEME);
    }

    public String landingTopicsDir() {
        return getString(LANDING_TOPICS_DIR);
    }

    public Duration maxCallDuration() {
        return DurationSpec.parse(getString(PAIRING_MAX_CALL_DURATION));
    }

    public Duration allowedLateness() {
        return DurationSpec.parse(getString(PAIRING_ALLOWED_LATENESS));
    }

    /** The dt= days to read, empty for every day. */
    public java.util.Optional<LandingDates> landingDates() {
        return LandingDates.of(getString(LANDING_DATES_FROM), getString(LANDING_DATES_TO));
    }

    public boolean webEnabled() {
        return getBoolean(WEB_ENABLED);
    }

    public String webCheckpointLocation() {
        String location = getString(WEB_CHECKPOINT_LOCATION);
        if (!location.isEmpty()) {
            return location;
        }
        return SparkCheckpoints.webQuery(checkpointLocation());
    }

    public Duration sessionInactivity() {
        return DurationSpec.parse(getString(WEB_SESSION_INACTIVITY));
    }

    /** The {@code warehouse.*} keys as given, for the loader's config. */
    public int compactEveryBatches() {
        return getInt(LAKE_COMPACT_EVERY_BATCHES);
    }

    public io.tributary.batch.lake.LakeCompactor.Options compaction() {
        return new io.tributary.batch.lake.LakeCompactor.Options(getLong(LAKE_COMPACT_TARGET_FILE_BYTES),
                getInt(LAKE_COMPACT_MIN_FILES));
    }

    public Map<String, Object> warehouseProps() {
        return warehouseProps;
    }

    /** The effective config with secrets masked, for the start-up log line. */
    public String describe() {
        var lines = new StringBuilder();
        CONFIG.names().stream().sorted().forEach(name -> {
            Object value = get(name);
            lines.append(name).append('=').append(value instanceof Password ? Password.HIDDEN : value).append(", ");
        });
        warehouseProps.keySet().stream().sorted().forEach(name -> lines.append(name).append('=')
                .append(name.contains("password") || name.contains("secret") ? Password.HIDDEN
                        : warehouseProps.get(name)).append(", "));
        return lines.length() == 0 ? "" : lines.substring(0, lines.length() - 2);
    }

    /** An access key id (not secret by itself, but kept out of logs anyway) and its secret. */
    public record S3Keys(String accessKey, Password secretKey) {
        @Override
        public String toString() {
            return "S3Keys[hidden]";
        }
    }

    private static Map<String, Object> withoutWarehouseKeys(Map<String, ?> props) {
        var out = new HashMap<String, Object>();
        props.forEach((k, v) -> {
            if (!k.startsWith(WAREHOUSE_PREFIX)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Map<String, Object> warehouseKeys(Map<String, ?> props) {
        var out = new HashMap<String, Object>();
        props.forEach((k, v) -> {
            if (k.startsWith(WAREHOUSE_PREFIX)) {
                out.put(k, v);
            }
        });
        return Map.copyOf(out);
    }
}
