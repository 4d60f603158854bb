package io.tributary.cli.monitor;

import io.tributary.cli.config.ConfigOptions;
import io.tributary.monitor.MonitorConfig;
import io.tributary.warehouse.WarehouseConfig;
import org.apache.kafka.common.config.ConfigException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where {@code tributary lag|status} find the pipeline: the endpoints.properties a running local stack writes (the
 * newest of .tributary/stack and .tributary/demo, or --data-dir's), then the shared configuration (file, TRIBUTARY_
 * environment, --set), then explicit options such as --bootstrap; each layer overrides the one before.
 */
final class MonitorSettings {
    static final List<Path> DEFAULT_DATA_DIRS = List.of(Path.of(".tributary/stack"), Path.of(".tributary/demo"));
    private static final String ENDPOINTS = "endpoints.properties";

    private MonitorSettings() {
    }

    static MonitorConfig resolve(ConfigOptions options, Path dataDir, Map<String, String> explicit) {
        Map<String, String> props = new LinkedHashMap<>();
        stackEndpoints(dataDir).ifPresent(file -> {
            props.putAll(readEndpoints(file));
            // the local pipeline (demo) keeps its Spark checkpoint under <dataDir>/pipeline
            Path checkpoint = file.getParent().resolve("pipeline").resolve("spark-checkpoint");
            if (Files.isDirectory(checkpoint)) {
                props.put(MonitorConfig.CHECKPOINT, checkpoint.toString());
            }
        });
        // warehouse.* keys beyond the monitor's (e.g. the Redshift IAM role) are accepted in a shared file
        props.putAll(options.load(System.getenv(), List.of(MonitorConfig.CONFIG_DEF, WarehouseConfig.CONFIG_DEF)));
        props.putAll(explicit);
        props.keySet().retainAll(MonitorConfig.CONFIG_DEF.names());
        if (props.getOrDefault(MonitorConfig.BOOTSTRAP, "").isBlank()) {
            throw new ConfigException("no Kafka to watch: no running local stack found (looked for " + ENDPOINTS
                    + " in " + (dataDir != null ? dataDir : DEFAULT_DATA_DIRS) + ") and neither --bootstrap nor "
                    + MonitorConfig.BOOTSTRAP + " is set; start ./tributary up or demo, or pass --bootstrap HOST:PORT");
        }
        return new MonitorConfig(props);
    }

    /** The endpoints file of {@code dataDir}, else the most recently written one of the default data dirs. */
    static Optional<Path> stackEndpoints(Path dataDir) {
        Stream<Path> candidates = (dataDir != null ? Stream.of(dataDir) : DEFAULT_DATA_DIRS.stream())
                .map(dir -> dir.resolve(ENDPOINTS)).filter(Files::isReadable);
        return candidates.max(Comparator.comparing(MonitorSettings::modified));
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Map<String, String> readEndpoints(Path file) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> out.put(key, properties.getProperty(key).trim()));
        return out;
    }
}
