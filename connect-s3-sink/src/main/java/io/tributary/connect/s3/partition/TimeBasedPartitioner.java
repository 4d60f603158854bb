package io.tributary.connect.s3.partition;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Confluent's {@code TimeBasedPartitioner}: a record's timestamp is floored to {@code partition.duration.ms} in
 * {@code timezone} (local time, so daily partitions start at local midnight) and formatted with
 * {@code path.format}. The result is the encoded partition, the folder between the topic and the file name.
 */
public final class TimeBasedPartitioner {
    public static final String DEFAULT_PATH_FORMAT = "'dt'=YYYY-MM-dd";
    public static final long DEFAULT_PARTITION_DURATION_MS = 86_400_000L;

    private final DateTimeFormatter formatter;
    private final long durationMs;
    private final ZoneId zone;

    public TimeBasedPartitioner(String pathFormat, long durationMs, ZoneId zone, Locale locale) {
        if (durationMs <= 0) {
            throw new IllegalArgumentException("partition duration must be positive, was " + durationMs);
        }
        this.formatter = JodaPattern.formatter(pathFormat, locale).withZone(zone);
        this.durationMs = durationMs;
        this.zone = zone;
    }

    /** The encoded partition of a record with {@code timestampMs}, e.g. {@code dt=2020-01-01}. */
    public String encodedPartition(long timestampMs) {
        return formatter.format(Instant.ofEpochMilli(partitionStart(timestampMs)));
    }

    /** Start of the partition holding {@code timestampMs}: floored in local time, as Confluent does. */
    long partitionStart(long timestampMs) {
        Instant instant = Instant.ofEpochMilli(timestampMs);
        long offsetMs = zone.getRules().getOffset(instant).getTotalSeconds() * 1000L;
        long local = timestampMs + offsetMs;
        long flooredLocal = Math.floorDiv(local, durationMs) * durationMs;
        // back to UTC with the offset valid at the floored local time (differs across a DST change)
        var localDateTime = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(flooredLocal, 1000L),
                (int) Math.floorMod(flooredLocal, 1000L) * 1_000_000, java.time.ZoneOffset.UTC);
        return ZonedDateTime.ofLocal(localDateTime, zone, null).toInstant().toEpochMilli();
    }
}
