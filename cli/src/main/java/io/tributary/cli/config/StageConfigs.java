package io.tributary.cli.config;

import io.tributary.batch.config.BatchConfig;
import io.tributary.cli.pipeline.ConnectorsConfig;
import io.tributary.monitor.MonitorConfig;
import io.tributary.streams.app.StreamsAppConfig;
import io.tributary.warehouse.WarehouseConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one configuration as the stages read it: the running local stack's endpoints, then the properties file, then
 * TRIBUTARY_* environment variables, then --set, each overriding the one before. Each stage keeps the keys its own
 * ConfigDef declares and validates them, so a bad value fails naming its key before anything starts.
 */
public final class StageConfigs {
    /** The definitions of every stage {@code tributary run} starts, and of its status page. */
    public static final List<ConfigDef> PIPELINE = List.of(StreamsAppConfig.CONFIG_DEF, BatchConfig.CONFIG,
            WarehouseConfig.CONFIG_DEF, ConnectorsConfig.CONFIG_DEF, MonitorConfig.CONFIG_DEF);

    private StageConfigs() {
    }

    /** Endpoint defaults under file, environment and --set; keys no definition declares are refused. */
    public static Map<String, String> resolve(ConfigOptions options, Map<String, String> endpointDefaults,
                                              List<ConfigDef> defs) {
        Set<String> known = names(defs);
        Map<String, String> props = new LinkedHashMap<>();
        endpointDefaults.forEach((key, value) -> {
            if (known.contains(key)) {
                props.put(key, value);
            }
        });
        props.putAll(options.load(System.getenv(), defs));
        return props;
    }

    /** The keys of {@code props} that {@code defs} declare. */
    public static Map<String, String> only(Map<String, String> props, ConfigDef... defs) {
        Set<String> known = names(List.of(defs));
        Map<String, String> out = new LinkedHashMap<>();
        props.forEach((key, value) -> {
            if (known.contains(key)) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * Fails naming {@code key} when it has no value: {@code what} says what it points at, the message how to get one.
     */
    public static void require(Map<String, String> props, String key, String what) {
        if (props.getOrDefault(key, "").isBlank()) {
            throw new ConfigException("no " + what + ": no local stack is running and " + key + " is not set; start "
                    + "one with ./tributary run, or set " + key + " (--set " + key + "=…, TRIBUTARY_"
                    + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_') + ", or the properties file)");
        }
    }

    private static Set<String> names(List<ConfigDef> defs) {
        Set<String> known = new TreeSet<>();
        defs.forEach(def -> known.addAll(def.names()));
        return known;
    }
}
