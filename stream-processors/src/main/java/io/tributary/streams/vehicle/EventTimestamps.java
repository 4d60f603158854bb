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
            Instant instant = epochSeconds(trimmed);
            if (instant == null) {
                instant = EPOCH_SECONDS.matcher(trimmed).matches()
                        ? fromEpochSeconds(trimmed)
                        : OffsetDateTime.parse(trimmed).toInstant();
            }
            return instant.isAfter(LATEST) || instant.isBefore(Instant.EPOCH) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Whether the instant has a part a microsecond cannot hold (it would have to be rounded). */
    static boolean finerThanMicros(Instant instant) {
        return instant.getNano() % 1_000 != 0;
    }

    /**
     * {@link #EPOCH_SECONDS} read without a regex or BigDecimal (the common form, once per line), or null when the text
     * is not of that form.
     */
    private static Instant epochSeconds(String text) {
        int length = text.length();
        int dot = text.indexOf('.');
        int wholeDigits = dot < 0 ? length : dot;
        int fractionDigits = dot < 0 ? 0 : length - dot - 1;
        if (wholeDigits < 1 || wholeDigits > 12 || (dot >= 0 && (fractionDigits < 1 || fractionDigits > 9))) {
            return null;
        }
        long seconds = 0;
        for (int i = 0; i < wholeDigits; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            seconds = seconds * 10 + digit;
        }
        int nanos = 0;
        for (int i = 0; i < 9; i++) {
            int digit = 0;
            if (i < fractionDigits) {
                digit = text.charAt(dot + 1 + i) - '0';
                if (digit < 0 || digit > 9) {
                    return null;
                }
            }
            nanos = nanos * 10 + digit;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static Instant fromEpochSeconds(String text) {
        var seconds = new BigDecimal(text);
        long whole = seconds.toBigInteger().longValueExact();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValueExact();
        return Instant.ofEpochSecond(whole, nanos);
    }
}
