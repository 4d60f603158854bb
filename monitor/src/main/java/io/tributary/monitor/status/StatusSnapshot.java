package io.tributary.monitor.status;

import io.tributary.monitor.landing.LandingBacklog;
import io.tributary.monitor.lag.GroupReport;
import io.tributary.monitor.warehouse.WarehouseHealth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the monitor saw at one moment. {@code landing}, {@code warehouse} and {@code dlqByReason} are null
 * when that source is not configured or could not be read (its stage row then says which).
 */
public record StatusSnapshot(Instant at, List<GroupReport> groups, LandingBacklog landing, WarehouseHealth warehouse,
                             Map<String, Long> dlqByReason, List<StageStatus> stages) {

    public boolean failing() {
        return stages.stream().anyMatch(s -> s.status().failing());
    }
}
