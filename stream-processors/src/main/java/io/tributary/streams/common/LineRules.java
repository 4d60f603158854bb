package io.tributary.streams.common;

import io.tributary.events.EventTimes;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;

/**
 * Validation rules every topology shares: record size, accepted event-time range, dedupe window. The clock is
 * injected so tests pin "now".
 *
 * @param maxRecordBytes   larger raw records are dead-lettered unread
 * @param earliest         event times before it are rejected (a device clock that was never set)
 * @param maxFuture        event times later than the processing clock plus this are rejected
 * @param dedupeWindow     an event id seen again within this span of record time is a counted duplicate
 */
public record LineRules(int maxRecordBytes, Instant earliest, Duration maxFuture, Duration dedupeWindow, Clock clock) {
    public static final String MAX_RECORD_BYTES = "streams.max.record.bytes";
    public static final String TIMESTAMP_MIN = "streams.timestamp.min";
    public static final String TIMESTAMP_MAX_FUTURE_MS = "streams.timestamp.max.future.ms";
    public static final String DEDUPE_WINDOW_MS = "streams.dedupe.window.ms";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(MAX_RECORD_BYTES, Type.INT, 16 * 1024, atLeast(64), Importance.MEDIUM,
                    "Raw records larger than this many bytes go to the DLQ unread (a log line is ~100 bytes; a "
                            + "bigger record is a producer bug, not a line).")
            .define(TIMESTAMP_MIN, Type.STRING, "2000-01-01T00:00:00Z", new IsoInstant(), Importance.MEDIUM,
                    "Earliest accepted event time (ISO-8601): older ones come from clocks that were never set.")
            .define(TIMESTAMP_MAX_FUTURE_MS, Type.LONG, 300_000L, atLeast(0), Importance.MEDIUM,
                    "How far after the processing time an event time may be (clock skew allowance).")
            .define(DEDUPE_WINDOW_MS, Type.LONG, Duration.ofHours(24).toMillis(), atLeast(60_000), Importance.MEDIUM,
                    "An event id seen again within this span of record time is dropped as a counted duplicate "
                            + "(ids are kept in buckets of this span: remembered at least this long, at most twice). "
                            + "Disk: ~100 bytes per event kept.");

    public static LineRules from(Map<?, ?> props, Clock clock) {
        var config = new AbstractConfig(CONFIG_DEF, props, false);
        return new LineRules(config.getInt(MAX_RECORD_BYTES), Instant.parse(config.getString(TIMESTAMP_MIN)),
                Duration.ofMillis(config.getLong(TIMESTAMP_MAX_FUTURE_MS)),
                Duration.ofMillis(config.getLong(DEDUPE_WINDOW_MS)), clock);
    }

    public static LineRules defaults(Clock clock) {
        return from(Map.of(), clock);
    }

    /** Rejection when the record is too large, else null; the location is built only for a rejection. */
    public Outcome.Rejected checkSize(byte[] value, Supplier<String> locationOf) {
        if (value.length > maxRecordBytes) {
            String location = locationOf.get();
            return LineText.reject(RejectCodes.OVERSIZED, "Record in %s is %d bytes: at most %d are allowed (%s); "
                    + "one record must hold one log line", location, value.length, maxRecordBytes, MAX_RECORD_BYTES);
        }
        return null;
    }

    /**
     * Rejection when the event time is outside [earliest, now + maxFuture], else null; the text and location are
     * built only for a rejection.
     */
    public Outcome.Rejected checkTime(Instant time, Supplier<String> textOf, Supplier<String> locationOf) {
        if (!time.isBefore(earliest) && time.getEpochSecond() < clock.millis() / 1000 + maxFuture.toSeconds()) {
            return null; // clearly in range: no Instant arithmetic on the common path
        }
        String text = textOf.get();
        String location = locationOf.get();
        if (time.isBefore(earliest)) {
            return LineText.reject(RejectCodes.TIMESTAMP_OUT_OF_RANGE,
                    "Timestamp '%s' (%s) in %s is before %s: check the clock of the device that wrote it (%s)",
                    LineText.quote(text), EventTimes.format(time), location, earliest, TIMESTAMP_MIN);
        }
        Instant now = clock.instant();
        if (time.isAfter(now.plus(maxFuture))) {
            return LineText.reject(RejectCodes.TIMESTAMP_OUT_OF_RANGE,
                    "Timestamp '%s' (%s) in %s is more than %d s after the processing time %s: check the clock "
                            + "of the device that wrote it (%s)", LineText.quote(text), EventTimes.format(time),
                    location, maxFuture.toSeconds(), EventTimes.format(now), TIMESTAMP_MAX_FUTURE_MS);
        }
        return null;
    }

    static final class IsoInstant implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                Instant.parse((String) value);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new ConfigException(name, value, "expected an ISO-8601 instant such as 2000-01-01T00:00:00Z");
            }
        }

        @Override
        public String toString() {
            return "an ISO-8601 instant, e.g. 2000-01-01T00:00:00Z";
        }
    }
}
