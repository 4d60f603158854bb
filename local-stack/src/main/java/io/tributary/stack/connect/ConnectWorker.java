package io.tributary.stack.connect;

import io.tributary.stack.PropertiesFiles;
import io.tributary.stack.process.ChildJvms;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.process.Readiness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Kafka Connect worker in a child JVM, without connectors: callers add them over REST
 * ({@link ConnectRestClient#putConnector}).
 */
public final class ConnectWorker {

    public static final String NAME = "connect";

    private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);

    private final ManagedProcess process;
    private final String url;

    private ConnectWorker(ManagedProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param dataDir    {@code <stack data>/connect}: worker.properties and the (source) offsets file
     * @param pluginPath plugin.path; a missing directory is skipped with a warning (classpath plugins still load)
     */
    public static ConnectWorker start(ChildJvms jvms, Path dataDir, String kafkaBootstrap, int port, Path pluginPath,
                                      String pluginDiscovery, String heap, Duration timeout) throws Exception {
        Files.createDirectories(dataDir);
        if (!Files.isDirectory(pluginPath)) {
            log.warn("Connect plugin path {} does not exist; build it with ./mvnw -pl connect-s3-sink -am package",
                pluginPath);
        }
        Path workerProperties = dataDir.resolve("worker.properties");
        PropertiesFiles.write(workerProperties,
            workerProperties(dataDir, kafkaBootstrap, port, Files.isDirectory(pluginPath) ? pluginPath : null,
                pluginDiscovery),
            "standalone Connect worker of the Tributary local stack");
        String url = url(port);
        ManagedProcess process = jvms.start(NAME, "org.apache.kafka.connect.cli.ConnectStandalone", heap,
            List.of(workerProperties.toString()), dataDir);
        ConnectRestClient rest = new ConnectRestClient(url);
        try {
            Readiness.await(process, timeout, rest::isUp);
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
        return new ConnectWorker(process, url);
    }

    static Map<String, String> workerProperties(Path dataDir, String kafkaBootstrap, int port, Path pluginPath,
                                                String pluginDiscovery) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", kafkaBootstrap);
        props.put("listeners", "http://127.0.0.1:" + port);
        props.put("rest.advertised.host.name", "127.0.0.1");
        props.put("rest.advertised.port", Integer.toString(port));
        if (pluginPath != null) {
            props.put("plugin.path", pluginPath.toString());
        }
        props.put("plugin.discovery", pluginDiscovery);
        // Our topics carry bytes (JSON lines, raw logs); the sink writes them as they are.
        props.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        props.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        // The topics are written by an exactly-once Streams app: never land records of aborted transactions.
        props.put("consumer.isolation.level", "read_committed");
        props.put("offset.flush.interval.ms", "5000");
        props.put("offset.storage.file.filename", dataDir.resolve("connect.offsets").toString());
        return props;
    }

    /** The REST API of a worker listening on {@code port} of 127.0.0.1. */
    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    public String url() {
        return url;
    }
}
