package io.tributary.streams.vehicle;

import io.tributary.events.EventTimes;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/** Event times of raw lines: epoch seconds with an optional fraction, or ISO-8601 with a zone ({@code Z} or offset). */
final class EventTimestamps {
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,9})?");
    /** 9999-12-31T23:59:59Z: beyond it no formatter or warehouse column agrees. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private EventTimestamps() {
    }

    static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            Instant instant = EPOCH_SECONDS.matcher(trimmed).matches()
                    ? EventTimes.fromEpochSeconds(trimmed)
                    : OffsetDateTime.parse(trimmed).toInstant().truncatedTo(ChronoUnit.MICROS);
            return instant.isAfter(LATEST) || instant.isBefore(Instant.EPOCH) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
