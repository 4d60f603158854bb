package io.tributary.warehouse.dialect;

import io.tributary.warehouse.FunctionCallRow;
import io.tributary.warehouse.QuarantineRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Rows as PostgreSQL {@code COPY … (FORMAT csv)} lines. Text is always quoted, so an empty string stays an empty
 * string while an unquoted empty field is NULL (COPY's CSV default). Times are UTC wall-clock with microseconds,
 * the TIMESTAMP columns' resolution.
 */
public final class PostgresCopyCsv {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private PostgresCopyCsv() {
    }

    /** Columns in {@link io.tributary.warehouse.FunctionCallColumn} order, newline-terminated. */
    public static String functionCall(FunctionCallRow row) {
        return new Line()
                .text(row.callId()).text(row.vehicleId()).text(row.functionName())
                .time(row.startTime()).time(row.endTime())
                .decimal(row.durationSeconds()).number(row.callDepth()).date(row.eventDate())
                .end();
    }

    /** Columns in {@link SqlDialect#QUARANTINE_COLUMNS} order, newline-terminated. */
    public static String quarantine(QuarantineRow row, String batchId) {
        return new Line()
                .text(row.reason()).text(row.eventId()).text(row.vehicleId()).text(row.functionName())
                .text(row.eventType()).time(row.eventTime()).number(row.seq()).text(row.eventJson()).text(batchId)
                .end();
    }

    /** Columns in {@link io.tributary.warehouse.WebRequestRow#COLUMNS} order, newline-terminated. */
    public static String webRequest(io.tributary.warehouse.WebRequestRow row) {
        return new Line()
                .text(row.eventId()).text(row.site()).time(row.eventTime()).text(row.clientIp()).text(row.userAgent())
                .text(row.method()).text(row.path()).text(row.query()).number(row.status()).number(row.bytes())
                .text(row.referrer()).number(row.responseMs()).text(row.sessionId()).date(row.eventDate())
                .end();
    }

    /** Columns in {@link io.tributary.warehouse.WebSessionRow#COLUMNS} order, newline-terminated. */
    public static String webSession(io.tributary.warehouse.WebSessionRow row) {
        return new Line()
                .text(row.sessionId()).text(row.site()).text(row.visitorHash()).time(row.firstEventTime())
                .time(row.lastEventTime()).number(row.requestCount()).number(row.pageCount()).number(row.bytes())
                .number(row.errorCount()).bool(row.reachedSearch()).bool(row.reachedHotel())
                .bool(row.reachedBooking()).number(row.version()).date(row.eventDate())
                .end();
    }

    /**
     * {@code uuuu-MM-dd HH:mm:ss.SSSSSS} in UTC. Written by hand because the DateTimeFormatter was the largest cost of
     * building a batch's COPY text (two or three times per row); years outside 0000-9999 still take the formatter.
     */
    static String timestamp(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS));
        }
        var out = new StringBuilder(26);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append(' ');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        return pad(out, t.getNano() / 1_000, 6).toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }

    private static final class Line {
        private final StringBuilder out = new StringBuilder(128);
        private boolean first = true;

        Line text(String value) {
            return field(value == null ? null : '"' + value.replace("\"", "\"\"") + '"');
        }

        Line time(Instant value) {
            return field(value == null ? null : timestamp(value));
        }

        Line decimal(BigDecimal value) {
            return field(value == null ? null : value.toPlainString());
        }

        Line number(Number value) {
            return field(value == null ? null : value.toString());
        }

        Line bool(Boolean value) {
            return field(value == null ? null : value.toString());
        }

        Line date(LocalDate value) {
            return field(value == null ? null : value.toString());
        }

        private Line field(String encoded) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (encoded != null) {
                out.append(encoded);
            }
            return this;
        }

        String end() {
            return out.append('\n').toString();
        }
    }
}
