package io.tributary.cli.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration options every command shares (DESIGN.md, "Configuration"): one properties file with a prefix per
 * stage, overridden by environment variables {@code TRIBUTARY_<KEY_WITH_UNDERSCORES>}, overridden by {@code --set}.
 * Each stage's {@link ConfigDef} then validates its own keys; a key under a known prefix that no ConfigDef declares
 * is refused, so a typo never falls back to a default silently.
 */
public final class ConfigOptions {
    public static final String DEFAULT_FILE = "tributary.properties";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with stage-prefixed keys (stack., kafka., s3., warehouse., spark., sink.); "
                    + "default: ./" + DEFAULT_FILE + " when it exists. Environment TRIBUTARY_<KEY> overrides it.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one key, e.g. --set stack.kafka.port=9092 (repeatable; wins over file and environment).")
    Map<String, String> overrides = new LinkedHashMap<>();

    /**
     * The effective keys declared by {@code defs}: file, then environment, then {@code --set}.
     *
     * @throws ConfigException naming an unknown key or an unreadable file
     */
    public Map<String, String> load(Map<String, String> env, List<ConfigDef> defs) {
        Set<String> known = new TreeSet<>();
        defs.forEach(def -> known.addAll(def.names()));
        Set<String> prefixes = new TreeSet<>();
        known.forEach(key -> prefixes.add(key.substring(0, key.indexOf('.') + 1)));

        Map<String, String> props = new LinkedHashMap<>(readFile());
        // a shared file holds other stages' keys too: check only the prefixes this command owns
        props.keySet().removeIf(key -> prefixes.stream().noneMatch(key::startsWith));
        for (String key : known) {
            String value = env.get(envName(key));
            if (value != null) {
                props.put(key, value);
            }
        }
        props.putAll(overrides);
        Set<String> unknown = new TreeSet<>(props.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown configuration key(s) " + unknown + "; this command knows: " + known);
        }
        return props;
    }

    /** {@code warehouse.password} -> {@code TRIBUTARY_WAREHOUSE_PASSWORD}. */
    public static String envName(String key) {
        return "TRIBUTARY_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private Map<String, String> readFile() {
        Path path = file != null ? file : Path.of(DEFAULT_FILE);
        if (file == null && !Files.exists(path)) {
            return Map.of();
        }
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read --config " + path + ": " + e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k).trim()));
        return out;
    }
}
