package io.tributary.batch.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code landing.dates.from} / {@code landing.dates.to}: the landed {@code dt=} days a backfill reads (both
 * inclusive); both empty = every day, the streaming default.
 */
public record LandingDates(LocalDate from, LocalDate to) {
    /** Longest range one backfill takes: the source path lists every day, and ten years is plenty. */
    public static final int MAX_DAYS = 3660;

    public static final ConfigDef.Validator VALIDATOR = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : value.toString();
            if (!text.isEmpty()) {
                try {
                    LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new ConfigException(name, value, "expected " + this);
                }
            }
        }

        @Override
        public String toString() {
            return "empty or a date YYYY-MM-DD";
        }
    };

    public LandingDates {
        if (to.isBefore(from)) {
            throw new ConfigException("landing.dates.to", to.toString(), "must not be before landing.dates.from " + from);
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new ConfigException("landing.dates.to", to.toString(), "a range covers at most " + MAX_DAYS + " days");
        }
    }

    static Optional<LandingDates> of(String from, String to) {
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new ConfigException(from.isEmpty() ? "landing.dates.from" : "landing.dates.to", "",
                    "landing.dates.from and landing.dates.to go together (or neither, for every day)");
        }
        return Optional.of(new LandingDates(LocalDate.parse(from), LocalDate.parse(to)));
    }

    /** {@code dt={2020-01-01,2020-01-02}} for the file source's glob path. */
    public String glob() {
        List<String> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        return "dt={" + String.join(",", days) + "}";
    }
}
