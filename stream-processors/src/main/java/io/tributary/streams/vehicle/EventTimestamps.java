package io.tributary.streams.vehicle;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Event times of raw lines: epoch seconds with an optional fraction, or ISO-8601 with a zone ({@code Z} or offset).
 * Parsed exactly (decimal arithmetic, never a double) and kept to the nanosecond, so the caller can reject what a
 * microsecond cannot hold instead of rounding it.
 */
final class EventTimestamps {
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,9})?");
    /** Beyond it no formatter or warehouse column agrees. */
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
                    ? fromEpochSeconds(trimmed)
                    : OffsetDateTime.parse(trimmed).toInstant();
            return instant.isAfter(LATEST) || instant.isBefore(Instant.EPOCH) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Whether the instant has a part a microsecond cannot hold (it would have to be rounded). */
    static boolean finerThanMicros(Instant instant) {
        return instant.getNano() % 1_000 != 0;
    }

    private static Instant fromEpochSeconds(String text) {
        var seconds = new BigDecimal(text);
        long whole = seconds.toBigInteger().longValueExact();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValueExact();
        return Instant.ofEpochSecond(whole, nanos);
    }
}
