package io.tributary.batch.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.time.Duration;
import java.util.regex.Pattern;

/** Durations as people write them in configs: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 2d}. */
public final class DurationSpec {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    public static final ConfigDef.Validator VALIDATOR = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !FORMAT.matcher(value.toString().trim()).matches()) {
                throw new ConfigException(name, value, "expected " + this);
            }
        }

        @Override
        public String toString() {
            return "a duration: a whole number followed by ms, s, m, h or d (e.g. 30s, 10m, 1h)";
        }
    };

    private DurationSpec() {
    }

    public static Duration parse(String text) {
        var matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "', expected " + VALIDATOR);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalStateException("pattern and switch disagree on " + text);
        };
    }
}
