package io.tributary.monitor.status;

import io.tributary.monitor.landing.LandingBacklog;
import io.tributary.monitor.lag.GroupReport;
import io.tributary.monitor.warehouse.WarehouseHealth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the monitor saw at one moment. {@code landing}, {@code warehouse} and {@code dlqByReason} are null
 * when that source is not configured or could not be read (its stage row then says which); {@code processes} is
 * empty unless the monitor runs inside the process that supervises the pipeline ({@code tributary run}).
 */
public record StatusSnapshot(Instant at, List<GroupReport> groups, LandingBacklog landing, WarehouseHealth warehouse,
                             Map<String, Long> dlqByReason, List<StageStatus> stages, List<ProcessRow> processes) {

    public StatusSnapshot {
        processes = processes == null ? List.of() : List.copyOf(processes);
    }

    /** A snapshot of a pipeline whose processes this monitor does not supervise. */
    public StatusSnapshot(Instant at, List<GroupReport> groups, LandingBacklog landing, WarehouseHealth warehouse,
                          Map<String, Long> dlqByReason, List<StageStatus> stages) {
        this(at, groups, landing, warehouse, dlqByReason, stages, List.of());
    }

    /** A stage that stopped or errs, or a process that crashed too often to be restarted. */
    public boolean failing() {
        return stages.stream().anyMatch(s -> s.status().failing()) || processes.stream().anyMatch(ProcessRow::failed);
    }
}
