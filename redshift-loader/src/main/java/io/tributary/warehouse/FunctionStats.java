package io.tributary.warehouse;

import java.math.BigDecimal;

/** Call count and continuous median / 95th percentile of the call duration (seconds) of one function. */
public record FunctionStats(String functionName, long calls, BigDecimal p50Seconds, BigDecimal p95Seconds) {
}
