package io.tributary.cli.bench;

import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.PipelineCounts;
import io.tributary.warehouse.schema.TableNames;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls the pipeline's counters and records, once, the moment each stage has handled every line of both simulators:
 * Streams when the vehicle and web topologies have accounted for the lines published, the sink when every committed
 * offset of both canonical topics is landed, each table when the warehouse holds every expected row. Times are
 * nanoTime values, 0 until reached.
 *
 * <p>Rows are polled from the load ledger (rows upserted per table: a few rows to read whatever the tables' size) and
 * confirmed with exact counts once the ledger reaches the expected number, so polling does not compete with the
 * loader by scanning tables of millions of rows several times a second.
 */
final class StageWatch {
    private static final long CONFIRM_EVERY_NANOS = 2_000_000_000L;

    private final Pipeline pipeline;
    private final long vehicleEvents;
    private final long calls;
    private final long webLines;
    private final int partitions;
    volatile long streamsDoneNanos;
    volatile long landedNanos;
    volatile long callsLoadedNanos;
    volatile long webLoadedNanos;
    final AtomicReference<PipelineCounts> last = new AtomicReference<>();
    private final Confirmation callsConfirm = new Confirmation();
    private final Confirmation webConfirm = new Confirmation();

    StageWatch(Pipeline pipeline, long vehicleEvents, long calls, long webLines, int partitions) {
        this.pipeline = pipeline;
        this.vehicleEvents = vehicleEvents;
        this.calls = calls;
        this.webLines = webLines;
        this.partitions = partitions;
    }

    long loadedNanos() {
        return callsLoadedNanos == 0 || webLoadedNanos == 0 ? 0 : Math.max(callsLoadedNanos, webLoadedNanos);
    }

    /** One poll; returns true once every stage is done. */
    boolean poll() {
        PipelineCounts c = pipeline.counts(false);
        long now = System.nanoTime();
        last.set(c);
        if (streamsDoneNanos == 0 && c.parsed() + c.deadLettered() >= vehicleEvents && c.web().handled() >= webLines) {
            streamsDoneNanos = now;
        }
        // once Streams has handled every line, the sink has landed everything committed when its committed offsets
        // reach the read-committed end offsets, except for the transaction marker that ends each partition of an
        // exactly-once topic: the sink commits the offset after its last record, which is the marker's, so a gap
        // of up to one offset per partition remains for good (measured: the demo's "landed 100.0%" is such a gap)
        boolean vehicleLanded = vehicleEvents == 0 || (c.canonicalEndOffset() > 0 && c.landingLag() <= partitions);
        boolean webLanded = webLines == 0 || (c.web().endOffset() > 0 && c.web().landingLag() <= partitions);
        if (streamsDoneNanos != 0 && landedNanos == 0 && vehicleLanded && webLanded) {
            landedNanos = now;
        }
        TableNames n = pipeline.probe().names();
        if (callsLoadedNanos == 0 && callsConfirm.reached(c.callsLoaded(), calls, now,
                () -> pipeline.probe().queryLong("SELECT COUNT(*) FROM " + n.functionCalls()) >= calls)) {
            callsLoadedNanos = callsConfirm.lastChangeNanos;
        }
        if (webLoadedNanos == 0 && webConfirm.reached(c.web().requestsLoaded(), webLines, now,
                () -> pipeline.probe().queryLong("SELECT COUNT(*) FROM " + n.webRequests()) >= webLines
                        && pipeline.probe().queryLong("SELECT COALESCE(SUM(request_count), 0) FROM "
                        + n.webSessions()) >= webLines)) {
            webLoadedNanos = webConfirm.lastChangeNanos;
        }
        long loaded = loadedNanos();
        if (loaded != 0) {
            // landing must have finished for the load to complete; a poll may just have missed it
            landedNanos = landedNanos == 0 ? loaded : Math.min(landedNanos, loaded);
            streamsDoneNanos = streamsDoneNanos == 0 ? landedNanos : Math.min(streamsDoneNanos, landedNanos);
        }
        return loaded != 0;
    }

    /** Tracks when a ledger total last changed and confirms with an exact check, at most every 2 s. */
    private static final class Confirmation {
        long lastValue = -1;
        long lastChangeNanos;
        long lastCheckNanos;

        boolean reached(long ledgerRows, long expected, long now, java.util.function.BooleanSupplier exact) {
            if (ledgerRows != lastValue) {
                lastValue = ledgerRows;
                lastChangeNanos = now;
            }
            if (expected == 0) {
                lastChangeNanos = lastChangeNanos == 0 ? now : lastChangeNanos;
                return true;
            }
            if (ledgerRows < expected || now - lastCheckNanos < CONFIRM_EVERY_NANOS && lastCheckNanos != 0) {
                return false;
            }
            lastCheckNanos = now;
            return exact.getAsBoolean();
        }
    }
}
