package io.tributary.monitor;

import io.tributary.events.SparkCheckpoints;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keys of {@code tributary lag|status}. The endpoint keys are the shared ones other stages use (same names, same
 * meaning), so one tributary.properties or a running stack's endpoints.properties configures the monitor too.
 */
public final class MonitorConfig extends AbstractConfig {
    public static final String BOOTSTRAP = "kafka.bootstrap.servers";
    public static final String GROUPS = "monitor.groups";
    public static final String WINDOW_MS = "monitor.window.ms";
    public static final String POLL_INTERVAL_MS = "monitor.poll.interval.ms";
    public static final String TIMEOUT_MS = "monitor.timeout.ms";
    public static final String CLUSTER_NAME = "monitor.cluster.name";
    public static final String CHECKPOINT = "monitor.spark.checkpoint.location";
    public static final String WEB_CHECKPOINT = "monitor.spark.web.checkpoint.location";
    public static final String LANDING_MAX_AGE_MS = "monitor.landing.max.age.ms";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_REGION = "s3.region";
    public static final String S3_BUCKET = "s3.bucket";
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";
    public static final String LANDING_TOPICS_DIR = "landing.topics.dir";
    public static final String JDBC_URL = "warehouse.jdbc.url";
    public static final String JDBC_USER = "warehouse.user";
    public static final String JDBC_PASSWORD = "warehouse.password";
    public static final String WAREHOUSE_SCHEMA = "warehouse.schema";

    /** The pipeline's consumer groups: the Streams application and the S3 sink connector (Connect: connect-NAME). */
    public static final List<String> PIPELINE_GROUPS = List.of("tributary-streams", "connect-s3-sink-vehicle-events",
            "connect-s3-sink-web-requests");

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(BOOTSTRAP, Type.STRING, "", Importance.HIGH, "Kafka bootstrap servers.")
            .define(GROUPS, Type.LIST, PIPELINE_GROUPS, Importance.HIGH,
                    "Consumer groups to watch (the pipeline's by default).")
            .define(WINDOW_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1000), Importance.MEDIUM,
                    "Sliding window of the Burrow-style evaluation: a lagging partition whose committed offset has "
                            + "not moved for longer than this is STALL (members present) or STOP (none).")
            .define(POLL_INTERVAL_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(100), Importance.MEDIUM,
                    "Time between samples of the status server and of --watch.")
            .define(TIMEOUT_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(100), Importance.MEDIUM,
                    "Time-out of every call to Kafka, S3 and the warehouse.")
            .define(CLUSTER_NAME, Type.STRING, "tributary", Importance.LOW,
                    "Value of the cluster_name label of the kafka_consumergroup_* metrics.")
            .define(CHECKPOINT, Type.STRING, "", Importance.MEDIUM,
                    "Spark checkpoint of the micro-batch (local path, file: or s3a:// URI); its file-source log "
                            + "tells which landed objects were processed. Empty: backlog = every landed object.")
            .define(WEB_CHECKPOINT, Type.STRING, "", Importance.LOW,
                    "Spark checkpoint of the micro-batch's web query, whose file-source log covers the landed web "
                            + "requests. Empty: <" + CHECKPOINT + ">-web, the micro-batch's own default.")
            .define(LANDING_MAX_AGE_MS, Type.LONG, 900_000L, ConfigDef.Range.atLeast(1000), Importance.MEDIUM,
                    "The landing stage is STOP when its oldest unprocessed object is older than this.")
            .define(S3_ENDPOINT, Type.STRING, "", Importance.MEDIUM, "S3 endpoint URL; empty = AWS.")
            .define(S3_REGION, Type.STRING, "us-east-1", Importance.LOW, "S3 region.")
            .define(S3_BUCKET, Type.STRING, "", Importance.MEDIUM, "Bucket of the landing zone; empty = not watched.")
            .define(S3_ACCESS_KEY, Type.PASSWORD, "", Importance.MEDIUM, "S3 access key; empty = AWS default chain.")
            .define(S3_SECRET_KEY, Type.PASSWORD, "", Importance.MEDIUM, "S3 secret key; empty = AWS default chain.")
            .define(LANDING_TOPICS_DIR, Type.STRING, "landing", Importance.LOW, "Top directory of the landing zone.")
            .define(JDBC_URL, Type.STRING, "", Importance.MEDIUM, "Warehouse JDBC URL; empty = not watched.")
            .define(JDBC_USER, Type.STRING, "postgres", Importance.MEDIUM, "Warehouse user.")
            .define(JDBC_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, "Warehouse password; never logged.")
            .define(WAREHOUSE_SCHEMA, Type.STRING, "tributary", Importance.LOW,
                    "Schema of the analysis tables; the ledger is in <schema>_meta.");

    public MonitorConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props, false);
    }

    public String bootstrap() {
        return getString(BOOTSTRAP);
    }

    public List<String> groups() {
        return getList(GROUPS);
    }

    public Duration window() {
        return Duration.ofMillis(getLong(WINDOW_MS));
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public Duration timeout() {
        return Duration.ofMillis(getLong(TIMEOUT_MS));
    }

    public String clusterName() {
        return getString(CLUSTER_NAME);
    }

    public String checkpoint() {
        return getString(CHECKPOINT);
    }

    /**
     * Checkpoints whose file-source logs together list every processed landing object: the vehicle query's and the
     * web query's (each query of the micro-batch has its own). Empty when no checkpoint is configured.
     */
    public List<String> checkpoints() {
        String calls = checkpoint();
        if (calls.isBlank()) {
            return List.of();
        }
        String web = getString(WEB_CHECKPOINT);
        return List.of(calls, web.isBlank() ? SparkCheckpoints.webQuery(calls) : web);
    }

    public Duration landingMaxAge() {
        return Duration.ofMillis(getLong(LANDING_MAX_AGE_MS));
    }

    public String s3Endpoint() {
        return getString(S3_ENDPOINT);
    }

    public String s3Region() {
        return getString(S3_REGION);
    }

    public String s3Bucket() {
        return getString(S3_BUCKET);
    }

    public Password s3AccessKey() {
        return getPassword(S3_ACCESS_KEY);
    }

    public Password s3SecretKey() {
        return getPassword(S3_SECRET_KEY);
    }

    public String landingTopicsDir() {
        return getString(LANDING_TOPICS_DIR);
    }

    public String jdbcUrl() {
        return getString(JDBC_URL);
    }

    public String jdbcUser() {
        return getString(JDBC_USER);
    }

    public Password jdbcPassword() {
        return getPassword(JDBC_PASSWORD);
    }

    public String warehouseSchema() {
        return getString(WAREHOUSE_SCHEMA);
    }
}
