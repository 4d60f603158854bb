package io.tributary.monitor.status;

import io.tributary.monitor.lag.LagStatus;

/** One row of the status page: a pipeline stage, its status and a line saying why. */
public record StageStatus(String stage, LagStatus status, String detail) {
}
