package io.tributary.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one text form of event times in canonical events: UTC, microseconds, {@code 2020-01-01T00:00:00.125000Z}. */
public final class EventTimes {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The same pattern in Spark's datetime syntax, for reading canonical JSON with an explicit schema. */
    public static final String SPARK_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSX";

    private EventTimes() {
    }

    /** Characters of a formatted time whose year has four digits (0000 to 9999). */
    static final int LENGTH = 27;
    private static final long SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468;
    private static final long DAYS_PER_400_YEARS = 146_097;

    public static String format(Instant instant) {
        byte[] text = new byte[LENGTH];
        return write(instant, text, 0) ? new String(text, StandardCharsets.ISO_8859_1)
                : FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Writes the {@value #LENGTH} characters of {@link #format} at {@code at}, or nothing and false when the year is
     * outside 0000..9999 (then only the formatter knows the form). Hand-written because the DateTimeFormatter took
     * ~250 ns a call, and the Streams thread formats three times per line (event id, event_time, ingest_time).
     */
    static boolean write(Instant instant, byte[] out, int at) {
        long epochSecond = instant.getEpochSecond();
        long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        // civil date from a day count, in eras of 400 years that start on March 1st (H. Hinnant's algorithm)
        long shifted = days + DAYS_0000_03_01_TO_EPOCH;
        long era = Math.floorDiv(shifted, DAYS_PER_400_YEARS);
        long dayOfEra = shifted - era * DAYS_PER_400_YEARS;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return false;
        }
        digits(out, at, (int) year, 4);
        out[at + 4] = '-';
        digits(out, at + 5, month, 2);
        out[at + 7] = '-';
        digits(out, at + 8, day, 2);
        out[at + 10] = 'T';
        digits(out, at + 11, secondOfDay / 3600, 2);
        out[at + 13] = ':';
        digits(out, at + 14, secondOfDay / 60 % 60, 2);
        out[at + 16] = ':';
        digits(out, at + 17, secondOfDay % 60, 2);
        out[at + 19] = '.';
        digits(out, at + 20, instant.getNano() / 1_000, 6);
        out[at + 26] = 'Z';
        return true;
    }

    private static void digits(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** Epoch seconds with an optional fraction ({@code 1577836800.125}) to an instant, exact to the microsecond. */
    public static Instant fromEpochSeconds(String text) {
        BigDecimal seconds = new BigDecimal(text.trim());
        BigDecimal micros = seconds.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_EVEN);
        long totalMicros = micros.longValueExact();
        return Instant.EPOCH.plus(totalMicros, ChronoUnit.MICROS);
    }
}
