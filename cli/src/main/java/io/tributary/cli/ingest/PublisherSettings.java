package io.tributary.cli.ingest;

import io.tributary.cli.config.ConfigOptions;
import io.tributary.producers.publish.LogPublisherConfig;
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

/**
 * Where {@code produce}, {@code ship} and {@code ingest} publish: the Kafka of a running local stack (its
 * endpoints.properties, the newest of .tributary/stack and .tributary/demo), then the shared configuration
 * ({@code kafka.*}, {@code publisher.*} from file, TRIBUTARY_ environment, --set), then --bootstrap.
 */
final class PublisherSettings {
    static final List<Path> STACK_DIRS = List.of(Path.of(".tributary/stack"), Path.of(".tributary/demo"));

    private PublisherSettings() {
    }

    static LogPublisherConfig resolve(ConfigOptions options, String bootstrap, Map<String, String> defaults) {
        Map<String, String> props = new LinkedHashMap<>(defaults);
        stackBootstrap().ifPresent(servers -> props.put(LogPublisherConfig.BOOTSTRAP_SERVERS, servers));
        props.putAll(options.load(System.getenv(), List.of(LogPublisherConfig.CONFIG_DEF)));
        if (bootstrap != null) {
            props.put(LogPublisherConfig.BOOTSTRAP_SERVERS, bootstrap);
        }
        if (props.getOrDefault(LogPublisherConfig.BOOTSTRAP_SERVERS, "").isBlank()) {
            throw new ConfigException("no Kafka to publish to: no running local stack found (endpoints.properties in "
                    + STACK_DIRS + ") and neither --bootstrap nor " + LogPublisherConfig.BOOTSTRAP_SERVERS
                    + " is set; start ./tributary up, or pass --bootstrap HOST:PORT");
        }
        return LogPublisherConfig.of(props);
    }

    private static Optional<String> stackBootstrap() {
        return STACK_DIRS.stream().map(dir -> dir.resolve("endpoints.properties")).filter(Files::isReadable)
                .max(Comparator.comparing(PublisherSettings::modified)).map(file -> {
                    var properties = new Properties();
                    try (Reader reader = Files.newBufferedReader(file)) {
                        properties.load(reader);
                    } catch (IOException e) {
                        throw new ConfigException("cannot read " + file + ": " + e);
                    }
                    return properties.getProperty(LogPublisherConfig.BOOTSTRAP_SERVERS, "").trim();
                }).filter(s -> !s.isEmpty());
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
