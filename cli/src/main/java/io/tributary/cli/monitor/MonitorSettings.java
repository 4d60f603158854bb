package io.tributary.cli.monitor;

import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.stack.StackLocation;
import io.tributary.monitor.MonitorConfig;
import io.tributary.warehouse.WarehouseConfig;
import org.apache.kafka.common.config.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code tributary lag|status} find the pipeline: the running local stack's endpoints, then the shared
 * configuration (file, TRIBUTARY_ environment, --set), then explicit options such as --bootstrap; each layer
 * overrides the one before.
 */
final class MonitorSettings {
    private MonitorSettings() {
    }

    static MonitorConfig resolve(ConfigOptions options, StackLocation stack, Map<String, String> explicit) {
        Map<String, String> props = new LinkedHashMap<>(stack.endpointDefaults());
        stack.dataDir().ifPresent(dir -> {
            // the local pipeline keeps its Spark checkpoint under <data dir>/pipeline
            Path checkpoint = dir.resolve("pipeline").resolve("spark-checkpoint");
            if (Files.isDirectory(checkpoint)) {
                props.put(MonitorConfig.CHECKPOINT, checkpoint.toString());
            }
        });
        // warehouse.* keys beyond the monitor's (e.g. the Redshift IAM role) are accepted in a shared file
        props.putAll(options.load(System.getenv(), List.of(MonitorConfig.CONFIG_DEF, WarehouseConfig.CONFIG_DEF)));
        props.putAll(explicit);
        props.keySet().retainAll(MonitorConfig.CONFIG_DEF.names());
        if (props.getOrDefault(MonitorConfig.BOOTSTRAP, "").isBlank()) {
            throw new ConfigException("no Kafka to watch: no local stack is running and neither --bootstrap nor "
                    + MonitorConfig.BOOTSTRAP + " is set; start one with ./tributary run, or pass --bootstrap HOST:PORT");
        }
        return new MonitorConfig(props);
    }
}
