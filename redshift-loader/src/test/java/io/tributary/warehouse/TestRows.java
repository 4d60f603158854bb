package io.tributary.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Builders for test rows: a call's duration and event date follow from its times unless a test breaks them on purpose. */
final class TestRows {
    private TestRows() {
    }

    static FunctionCallRow call(String callId, String vehicleId, String functionName, String start, String end,
                                int depth) {
        Instant s = Instant.parse(start);
        Instant e = Instant.parse(end);
        return new FunctionCallRow(callId, vehicleId, functionName, s, e, secondsBetween(s, e), depth,
                LocalDate.ofInstant(s, ZoneOffset.UTC));
    }

    static FunctionCallRow withDuration(FunctionCallRow row, String seconds) {
        return new FunctionCallRow(row.callId(), row.vehicleId(), row.functionName(), row.startTime(), row.endTime(),
                seconds(seconds), row.callDepth(), row.eventDate());
    }

    static BigDecimal seconds(String text) {
        return new BigDecimal(text).setScale(6, RoundingMode.UNNECESSARY);
    }

    static BigDecimal secondsBetween(Instant start, Instant end) {
        Duration d = Duration.between(start, end);
        long micros = d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
        return BigDecimal.valueOf(micros, 6);
    }
}
