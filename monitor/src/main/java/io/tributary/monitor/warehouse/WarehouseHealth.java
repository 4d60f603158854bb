package io.tributary.monitor.warehouse;

import java.util.List;
import java.util.Map;

/** Freshness of each table and the quarantine counts by reason. */
public record WarehouseHealth(List<TableFreshness> tables, Map<String, Long> quarantineByReason) {
}
