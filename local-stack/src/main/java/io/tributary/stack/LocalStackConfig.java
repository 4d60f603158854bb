package io.tributary.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Settings of the local stack; every key declared once with type, default, validator and doc. */
public final class LocalStackConfig extends AbstractConfig {

    public static final String DATA_DIR = "stack.data.dir";
    public static final String CLEAN = "stack.clean";
    public static final String KAFKA_PORT = "stack.kafka.port";
    public static final String KAFKA_CONTROLLER_PORT = "stack.kafka.controller.port";
    public static final String CONNECT_PORT = "stack.connect.port";
    public static final String S3_PORT = "stack.s3.port";
    public static final String POSTGRES_PORT = "stack.postgres.port";
    public static final String S3_BUCKET = "stack.s3.bucket";
    public static final String S3_REGION = "stack.s3.region";
    public static final String CONNECT_PLUGIN_PATH = "stack.connect.plugin.path";
    public static final String CONNECT_PLUGIN_DISCOVERY = "stack.connect.plugin.discovery";
    public static final String PROJECT_ROOT = "stack.project.root";
    public static final String KAFKA_HEAP = "stack.kafka.heap";
    public static final String CONNECT_HEAP = "stack.connect.heap";
    public static final String S3_HEAP = "stack.s3.heap";
    public static final String POSTGRES_HEAP = "stack.postgres.heap";
    public static final String SPARK_HEAP = "stack.spark.heap";
    public static final String STARTUP_TIMEOUT_MS = "stack.startup.timeout.ms";
    public static final String CHILD_JVM_OPTIONS = "stack.child.jvm.options";

    private static final String PORT_DOC = " 0 picks a free port (the one used last time in this data dir when it is still free).";
    private static final String HEAP_DOC = " Maximum heap (-Xmx) of its JVM, e.g. 512m or 2g.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
        .define(DATA_DIR, Type.STRING, "./.tributary", new ConfigDef.NonEmptyString(),
            Importance.HIGH, "Directory holding all server data, configs and logs (<dir>/logs/<server>.log).")
        .define(CLEAN, Type.BOOLEAN, false, Importance.MEDIUM,
            "Delete the data directory before starting, so the stack starts empty.")
        .define(KAFKA_PORT, Type.INT, 0, Validators.PORT, Importance.HIGH, "Kafka broker port on 127.0.0.1." + PORT_DOC)
        .define(KAFKA_CONTROLLER_PORT, Type.INT, 0, Validators.PORT, Importance.LOW,
            "KRaft controller port on 127.0.0.1." + PORT_DOC)
        .define(CONNECT_PORT, Type.INT, 0, Validators.PORT, Importance.HIGH,
            "Kafka Connect REST port on 127.0.0.1." + PORT_DOC)
        .define(S3_PORT, Type.INT, 0, Validators.PORT, Importance.HIGH, "S3-API (s3proxy) port on 127.0.0.1." + PORT_DOC)
        .define(POSTGRES_PORT, Type.INT, 0, Validators.PORT, Importance.HIGH, "PostgreSQL port on 127.0.0.1." + PORT_DOC)
        .define(S3_BUCKET, Type.STRING, "tributary", Validators.BUCKET_NAME, Importance.HIGH,
            "Landing bucket, created at start when missing.")
        .define(S3_REGION, Type.STRING, "us-east-1", new ConfigDef.NonEmptyString(), Importance.LOW,
            "Region that clients sign S3 requests for (s3proxy accepts any).")
        .define(CONNECT_PLUGIN_PATH, Type.STRING, "", Importance.MEDIUM,
            "plugin.path of the Connect worker; empty = <project root>/connect-s3-sink/target/plugin.")
        .define(CONNECT_PLUGIN_DISCOVERY, Type.STRING, "service_load",
            ConfigDef.ValidString.in("only_scan", "hybrid_warn", "hybrid_fail", "service_load"), Importance.LOW,
            "plugin.discovery of the Connect worker. service_load finds plugins through their META-INF/services"
                + " files in ~0.3 s; the reflective scan of hybrid_* reads every class of the classpath (10-15 s here).")
        .define(PROJECT_ROOT, Type.STRING, "", Importance.LOW,
            "Repository root; empty = system property tributary.project.root, else the nearest directory above"
                + " the working directory that holds mvnw and connect-s3-sink.")
        .define(KAFKA_HEAP, Type.STRING, "512m", Validators.HEAP_SIZE, Importance.LOW, "Kafka broker." + HEAP_DOC)
        .define(CONNECT_HEAP, Type.STRING, "512m", Validators.HEAP_SIZE, Importance.LOW, "Connect worker." + HEAP_DOC)
        .define(S3_HEAP, Type.STRING, "256m", Validators.HEAP_SIZE, Importance.LOW, "s3proxy." + HEAP_DOC)
        .define(POSTGRES_HEAP, Type.STRING, "64m", Validators.HEAP_SIZE, Importance.LOW,
            "The small JVM that supervises PostgreSQL (the database itself is a native process)." + HEAP_DOC)
        .define(SPARK_HEAP, Type.STRING, "3g", Validators.HEAP_SIZE, Importance.LOW, "Spark jobs (driver)." + HEAP_DOC)
        .define(STARTUP_TIMEOUT_MS, Type.LONG, 180_000L, ConfigDef.Range.atLeast(1_000), Importance.LOW,
            "How long each server may take to become ready.")
        .define(CHILD_JVM_OPTIONS, Type.LIST, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Importance.LOW,
            "JVM options of every server JVM (not Spark). SerialGC and C1-only keep RSS and start-up CPU low on"
                + " small machines; clear the list for long benchmarks.");

    private LocalStackConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props, false);
        checkDistinctFixedPorts();
    }

    public static LocalStackConfig of(Map<String, ?> props) {
        return new LocalStackConfig(props);
    }

    public static LocalStackConfig defaults() {
        return of(Map.of());
    }

    /** A copy with some keys replaced. */
    public LocalStackConfig with(Map<String, ?> overrides) {
        Map<String, Object> merged = new HashMap<>(originals());
        merged.putAll(overrides);
        return of(merged);
    }

    public Path dataDir() {
        return Path.of(getString(DATA_DIR)).toAbsolutePath().normalize();
    }

    public boolean clean() {
        return getBoolean(CLEAN);
    }

    public int port(String key) {
        return getInt(key);
    }

    public String bucket() {
        return getString(S3_BUCKET);
    }

    public String region() {
        return getString(S3_REGION);
    }

    public String pluginPath() {
        return getString(CONNECT_PLUGIN_PATH);
    }

    public String pluginDiscovery() {
        return getString(CONNECT_PLUGIN_DISCOVERY);
    }

    public String projectRoot() {
        return getString(PROJECT_ROOT);
    }

    public String heap(String key) {
        return getString(key);
    }

    public long startupTimeoutMs() {
        return getLong(STARTUP_TIMEOUT_MS);
    }

    public List<String> childJvmOptions() {
        return getList(CHILD_JVM_OPTIONS);
    }

    private void checkDistinctFixedPorts() {
        Map<Integer, String> seen = new HashMap<>();
        for (String key : List.of(KAFKA_PORT, KAFKA_CONTROLLER_PORT, CONNECT_PORT, S3_PORT, POSTGRES_PORT)) {
            int port = getInt(key);
            if (port == 0) {
                continue;
            }
            String other = seen.putIfAbsent(port, key);
            if (other != null) {
                throw new ConfigException(key, port, "the same port is already set for " + other
                    + "; every server needs its own port (or 0 for a free one)");
            }
        }
    }
}
