package io.tributary.batch.config;

import org.apache.kafka.common.config.ConfigException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers the job's properties, later sources winning: {@code --config FILE}, then environment variables
 * ({@code TRIBUTARY_<KEY_WITH_UNDERSCORES>}; {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} for the S3 keys),
 * then each {@code --set key=value}. Unknown keys under this job's prefixes are refused, so a typo does not silently
 * fall back to a default.
 */
public final class ConfigSources {
    private static final List<String> OWN_PREFIXES =
            List.of("spark.", "s3.", "landing.", "pairing.", BatchConfig.WAREHOUSE_PREFIX);

    private ConfigSources() {
    }

    /**
     * @param knownKeys every key some config declares (this job's and the warehouse's)
     * @throws ConfigException naming the offending argument or key
     */
    public static Map<String, String> load(List<String> args, Map<String, String> env, Collection<String> knownKeys) {
        var props = new LinkedHashMap<String, String>();
        var sets = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config" -> props.putAll(readFile(valueAfter(args, i++, arg)));
                case "--set" -> {
                    String pair = valueAfter(args, i++, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new ConfigException("--set expects key=value, got '" + pair + "'");
                    }
                    sets.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                }
                default -> throw new ConfigException("unknown argument '" + arg
                        + "'; usage: BatchMain [--config FILE] [--set key=value]...");
            }
        }
        for (String key : knownKeys) {
            String value = env.get(envName(key));
            if (value != null) {
                props.put(key, value);
            }
        }
        if (!props.containsKey(BatchConfig.S3_ACCESS_KEY) && env.containsKey("AWS_ACCESS_KEY_ID")
                && env.containsKey("AWS_SECRET_ACCESS_KEY")) {
            props.put(BatchConfig.S3_ACCESS_KEY, env.get("AWS_ACCESS_KEY_ID"));
            props.put(BatchConfig.S3_SECRET_KEY, env.get("AWS_SECRET_ACCESS_KEY"));
        }
        // the shared tributary.properties also holds other stages' keys (kafka.*, sink.*): those are not ours to check
        props.keySet().removeIf(key -> !knownKeys.contains(key) && OWN_PREFIXES.stream().noneMatch(key::startsWith));
        props.putAll(sets);
        Set<String> unknown = new TreeSet<>(props.keySet());
        unknown.removeAll(knownKeys);
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown configuration key(s) " + unknown + "; known keys: "
                    + new TreeSet<>(knownKeys));
        }
        return props;
    }

    /** {@code warehouse.password} -> {@code TRIBUTARY_WAREHOUSE_PASSWORD}. */
    public static String envName(String key) {
        return "TRIBUTARY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String valueAfter(List<String> args, int index, String option) {
        if (index + 1 >= args.size()) {
            throw new ConfigException(option + " needs a value");
        }
        return args.get(index + 1);
    }

    private static Map<String, String> readFile(String file) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read --config " + file + ": " + e.getMessage());
        }
        var out = new LinkedHashMap<String, String>();
        properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k).trim()));
        return out;
    }
}
