package io.tributary.events;

import java.math.BigDecimal;
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

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
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
