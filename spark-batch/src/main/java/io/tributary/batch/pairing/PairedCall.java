package io.tributary.batch.pairing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A closed function call.
 *
 * @param callId          the START's event id, so a replayed batch produces the same key
 * @param durationSeconds end - start in seconds, scale 6 (microseconds)
 * @param callDepth       open calls of the same (vehicle, function) below this one; 0 = outermost
 * @param eventDate       UTC date of the start, the processed-zone partition
 */
public record PairedCall(String callId, String vehicleId, String functionName, Instant startTime, Instant endTime,
                         BigDecimal durationSeconds, int callDepth, LocalDate eventDate) {
}
