package io.tributary.cli.pipeline;

import io.tributary.batch.config.BatchConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * What {@code tributary connectors apply} needs: the Connect REST URL, the landing bucket (the {@code s3.*} keys, as
 * the Spark job declares them: one definition for both), and tuning of the sink. Unset sink keys keep the defaults of
 * the connector config files (connect-config/README.md).
 */
public final class ConnectorsConfig extends AbstractConfig {
    public static final String CONNECT_URL = "connect.url";
    public static final String TASKS_MAX = "sink.tasks.max";
    public static final String FLUSH_SIZE = "sink.flush.size";
    public static final String ROTATE_INTERVAL_MS = "sink.rotate.interval.ms";
    public static final String ROTATE_IDLE_MS = "sink.rotate.idle.ms";
    private static final List<String> S3_KEYS = List.of(BatchConfig.S3_BUCKET, BatchConfig.S3_ENDPOINT,
            BatchConfig.S3_REGION, BatchConfig.S3_ACCESS_KEY, BatchConfig.S3_SECRET_KEY);

    public static final ConfigDef CONFIG_DEF = s3Keys(new ConfigDef())
            .define(CONNECT_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Kafka Connect REST URL, e.g. http://connect:8083 (a Connect cluster, or the "
                            + "local stack's worker).")
            .define(TASKS_MAX, Type.INT, null, unsetOrAtLeast(1), Importance.MEDIUM,
                    "Tasks per connector; unset = the config file's (local 1, distributed 3).")
            .define(FLUSH_SIZE, Type.INT, null, unsetOrAtLeast(1), Importance.LOW,
                    "Records per landing file at most; unset = the config file's.")
            .define(ROTATE_INTERVAL_MS, Type.LONG, null, unsetOrAtLeast(1), Importance.LOW,
                    "Record time a landing file spans at most; unset = the config file's.")
            .define(ROTATE_IDLE_MS, Type.LONG, null, unsetOrAtLeast(1), Importance.LOW,
                    "Wall-clock time a partition's file stays open without records; unset = the config file's.");

    public ConnectorsConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props, false);
    }

    /** Unset (the config file's default) or a number of at least {@code min}. */
    private static ConfigDef.Validator unsetOrAtLeast(long min) {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value != null) {
                ConfigDef.Range.atLeast(min).ensureValid(name, value);
            }
        }, () -> "unset, or at least " + min);
    }

    private static ConfigDef s3Keys(ConfigDef def) {
        S3_KEYS.forEach(key -> def.define(BatchConfig.CONFIG.configKeys().get(key)));
        return def;
    }

    public String connectUrl() {
        return getString(CONNECT_URL);
    }

    /** An S3-compatible server (s3proxy, MinIO) with static keys, rather than AWS S3 and the worker's role. */
    public boolean s3Compatible() {
        return !getString(BatchConfig.S3_ENDPOINT).isBlank();
    }

    /** The placeholder values of the connector config files. */
    public Map<String, String> templateValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("s3.bucket", getString(BatchConfig.S3_BUCKET));
        values.put("s3.region", getString(BatchConfig.S3_REGION));
        if (s3Compatible()) {
            values.put("s3.endpoint", getString(BatchConfig.S3_ENDPOINT));
            values.put("s3.access.key", secret(BatchConfig.S3_ACCESS_KEY));
            values.put("s3.secret.key", secret(BatchConfig.S3_SECRET_KEY));
        }
        putIfSet(values, "tasks.max", get(TASKS_MAX));
        putIfSet(values, "flush.size", get(FLUSH_SIZE));
        putIfSet(values, "rotate.interval.ms", get(ROTATE_INTERVAL_MS));
        putIfSet(values, "rotate.idle.ms", get(ROTATE_IDLE_MS));
        return values;
    }

    private String secret(String key) {
        Password password = getPassword(key);
        return password == null ? "" : password.value();
    }

    private static void putIfSet(Map<String, String> values, String name, Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
    }
}
