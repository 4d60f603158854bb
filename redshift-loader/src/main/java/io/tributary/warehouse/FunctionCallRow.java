package io.tributary.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One paired call as it is staged and loaded into {@code log_functions_analysis}. Fields may be null here on purpose:
 * the warehouse's data-quality gates, not this record, decide what a loadable row is (the Redshift path never sees
 * these objects, it stages parquet from S3), so both dialects reject bad rows the same way.
 *
 * @param durationSeconds end − start in seconds, scale 6
 * @param callDepth       open calls of the same (vehicle, function) below this one; 0 = outermost
 */
public record FunctionCallRow(String callId, String vehicleId, String functionName, Instant startTime, Instant endTime,
                              BigDecimal durationSeconds, int callDepth, LocalDate eventDate) {
}
