package io.tributary.batch.job;

import io.tributary.batch.lake.BatchPublisher;
import io.tributary.batch.pairing.PairedCall;
import io.tributary.batch.pairing.PairingEvent;
import io.tributary.warehouse.FunctionCallRow;
import io.tributary.warehouse.LoadResult;
import io.tributary.warehouse.QuarantineRow;
import io.tributary.warehouse.Warehouse;
import org.apache.spark.api.java.function.VoidFunction2;
import io.tributary.batch.lake.CallsTable;
import io.tributary.batch.lake.LakeCompaction;
import io.tributary.batch.lake.LakePaths;
import io.tributary.batch.lake.LakeWriterThreads;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

/**
 * The foreachBatch body: collect the batch's pairing output on the driver, publish calls to the lake, load calls and
 * quarantine into the warehouse under the load batch id {@code <query id>-<batch id>}.
 *
 * <p>Collecting is deliberate: a micro-batch of landed vehicle events yields thousands of rows, not millions, and the
 * loader needs them as a list for one transaction. The query id comes from the checkpoint, so a batch replayed after
 * a crash gets the same id (the ledger skips it, the lake files are overwritten), while a new checkpoint gets a new
 * query id and can never collide with the ids of an old one.
 */
final class BatchSink implements VoidFunction2<Dataset<PairingOutput>, Long> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BatchSink.class);
    /** Set by Spark's stream execution thread, which is the thread foreachBatch runs on. */
    private static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";

    private final transient BatchPublisher publisher;
    private final transient LakeCompaction compaction;
    private final transient Warehouse warehouse;
    private final boolean loadFromManifest;
    private final transient Consumer<BatchOutcome> outcomes;

    BatchSink(BatchPublisher publisher, LakeCompaction compaction, Warehouse warehouse, boolean loadFromManifest,
              Consumer<BatchOutcome> outcomes) {
        this.publisher = publisher;
        this.compaction = compaction;
        this.warehouse = warehouse;
        this.loadFromManifest = loadFromManifest;
        this.outcomes = outcomes;
    }

    @Override
    public void call(Dataset<PairingOutput> batch, Long batchId) throws SQLException {
        String queryId = batch.sparkSession().sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
        if (queryId == null) {
            throw new IllegalStateException("no streaming query id on this thread: BatchSink must run in foreachBatch");
        }
        String loadBatchId = queryId + "-" + batchId;
        long t0 = System.nanoTime();
        // computed once: every action below reads the cached rows instead of running the stateful operator again
        Dataset<PairingOutput> cached = batch.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            record(batchId, loadBatchId, cached, t0);
        } finally {
            cached.unpersist();
        }
        compaction.afterBatch(LakePaths.FUNCTION_CALLS_TABLE, CallsTable.KEY, batchId, loadBatchId);
    }

    private void record(long batchId, String loadBatchId, Dataset<PairingOutput> batch, long t0) throws SQLException {
        Column isCall = col("kind").equalTo(PairingOutput.CALL);
        // the warehouse takes the calls from the rows on PostgreSQL, from the staged files on Redshift
        Column toDriver = loadFromManifest ? not(isCall) : not(isCall).or(col("upsert"));
        List<PairingOutput> rows = batch.filter(toDriver).collectAsList();
        long t1 = System.nanoTime();

        var calls = new ArrayList<PairedCall>();
        var retracted = new ArrayList<String>();
        var quarantine = new ArrayList<QuarantineRow>();
        int input = 0;
        int duplicates = 0;
        int finalCallCount = 0;
        for (PairingOutput row : rows) {
            switch (row.getKind()) {
                case PairingOutput.CALL -> calls.add(row.toCall());
                case PairingOutput.RETRACT -> retracted.add(row.getCallId());
                case PairingOutput.QUARANTINE -> quarantine.add(quarantineRow(row.getReason(), row.quarantinedEvent()));
                case PairingOutput.COUNTS -> {
                    input += row.getInputEvents();
                    duplicates += row.getDuplicates();
                    finalCallCount += row.getFinalCalls();
                }
                default -> throw new IllegalStateException("unknown pairing output kind " + row.getKind());
            }
        }
        calls.sort(Comparator.comparing(PairedCall::callId));
        retracted.sort(Comparator.naturalOrder());
        quarantine.sort(Comparator.comparing(QuarantineRow::reason)
                .thenComparing(q -> String.valueOf(q.eventId())).thenComparing(q -> String.valueOf(q.eventJson())));

        Dataset<PairingOutput> staged = batch.filter(isCall.and(col("upsert")));
        Dataset<PairingOutput> finalCalls = batch.filter(isCall.and(col("finalCall")));
        List<FunctionCallRow> callRows = calls.stream().map(BatchSink::callRow).toList();
        long[] lakeNanos = new long[1];
        LoadResult load;
        long warehouseNanos;
        long stagedRows = loadFromManifest ? staged.count() : callRows.size();
        if (loadFromManifest) {
            // Redshift COPYs the staged files: the lake first, then the load
            long lakeStart = System.nanoTime();
            BatchPublisher.Published published = publisher.publishTable(LakePaths.FUNCTION_CALLS_TABLE, loadBatchId,
                    CallsTable.select(staged), stagedRows, CallsTable.select(finalCalls));
            lakeNanos[0] = System.nanoTime() - lakeStart;
            long loadStart = System.nanoTime();
            load = warehouse.loadFunctionCalls(loadBatchId, callRows, retracted, quarantine,
                    published.manifestRedshiftUrl());
            warehouseNanos = System.nanoTime() - loadStart;
        } else {
            // PostgreSQL takes the rows from here: load them while Spark writes the lake. Either order is safe: a
            // batch whose lake write fails is replayed, and the ledger then skips the load that already committed.
            CompletableFuture<BatchPublisher.Published> lake = LakeWriterThreads.start(() -> {
                long lakeStart = System.nanoTime();
                var published = publisher.publishTable(LakePaths.FUNCTION_CALLS_TABLE, loadBatchId,
                        CallsTable.select(staged), callRows.size(), CallsTable.select(finalCalls));
                lakeNanos[0] = System.nanoTime() - lakeStart;
                return published;
            });
            long loadStart = System.nanoTime();
            try {
                load = warehouse.loadFunctionCalls(loadBatchId, callRows, retracted, quarantine, Optional.empty());
            } catch (SQLException | RuntimeException e) {
                LakeWriterThreads.awaitAfter(lake, e);
                throw e;
            }
            warehouseNanos = System.nanoTime() - loadStart;
            LakeWriterThreads.await(lake, loadBatchId);
        }
        long t3 = System.nanoTime();

        var outcome = new BatchOutcome(batchId, loadBatchId, input, (int) stagedRows, finalCallCount,
                retracted.size(), quarantine.size(), duplicates, load, millis(t1 - t0), millis(lakeNanos[0]),
                millis(warehouseNanos), millis(t3 - t0));
        LOG.info("batch {} ({}): {} input events, {} calls written ({} final), {} retracted, {} quarantined, "
                        + "{} duplicates; load {}; took {} ms (read+pair {} ms, lake {} ms, warehouse {} ms)",
                batchId, loadBatchId, input, stagedRows, finalCallCount, retracted.size(), quarantine.size(),
                duplicates,
                load.skipped() ? "skipped (already in ledger)" : load.rowsUpserted() + " rows upserted",
                outcome.totalMs(), outcome.pairingMs(), outcome.lakeMs(), outcome.warehouseMs());
        outcomes.accept(outcome);
    }

    static FunctionCallRow callRow(PairedCall c) {
        return new FunctionCallRow(c.callId(), c.vehicleId(), c.functionName(), c.startTime(), c.endTime(),
                c.durationSeconds(), c.callDepth(), c.eventDate());
    }

    static QuarantineRow quarantineRow(String reason, PairingEvent e) {
        return new QuarantineRow(reason, e.eventId(), e.vehicleId(), e.functionName(), e.eventType(), e.eventTime(),
                e.seq(), e.json());
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
