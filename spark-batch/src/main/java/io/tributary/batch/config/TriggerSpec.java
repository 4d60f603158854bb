package io.tributary.batch.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code spark.trigger}: a micro-batch interval, or {@code available-now} (process everything landed, then stop).
 *
 * @param interval empty for available-now
 */
public record TriggerSpec(Optional<Duration> interval) {
    public static final String AVAILABLE_NOW = "available-now";

    public static final ConfigDef.Validator VALIDATOR = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                parse(String.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "expected " + this);
            }
        }

        @Override
        public String toString() {
            return "'" + AVAILABLE_NOW + "' or " + DurationSpec.VALIDATOR;
        }
    };

    public static TriggerSpec parse(String text) {
        if (AVAILABLE_NOW.equals(text.trim())) {
            return new TriggerSpec(Optional.empty());
        }
        Duration interval = DurationSpec.parse(text);
        if (interval.isZero()) {
            throw new IllegalArgumentException("a trigger interval must be positive");
        }
        return new TriggerSpec(Optional.of(interval));
    }

    public boolean isAvailableNow() {
        return interval.isEmpty();
    }

    @Override
    public String toString() {
        return interval.map(d -> "every " + d).orElse(AVAILABLE_NOW);
    }
}
