package io.tributary.cli.chaos;

import io.tributary.cli.pipeline.WarehouseProbe;

import java.time.Duration;

/** Waits for the moment a warehouse load is in flight: a loader connection in the middle of a statement. */
final class LoadWatch {
    /** The loader names its connections so (Warehouse); the pipeline's own idle connection has the same name. */
    private static final String IN_FLIGHT = "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = "
            + "'tributary-redshift-loader' AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid()";

    private final WarehouseProbe probe;

    LoadWatch(WarehouseProbe probe) {
        this.probe = probe;
    }

    /** True once a load is in flight; false when none was seen within {@code timeout}. */
    boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (probe.queryLong(IN_FLIGHT) > 0) {
                    return true;
                }
            } catch (IllegalStateException e) {
                // the database is restarting: look again
            }
            Thread.sleep(10); // a load lasts a few hundred ms: poll often, from a CLI loop, not a test
        }
        return false;
    }
}
