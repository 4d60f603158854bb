package io.tributary.batch.web;

import io.tributary.batch.lake.BatchPublisher;
import io.tributary.batch.lake.LakeCompaction;
import io.tributary.batch.lake.LakeWriterThreads;
import io.tributary.warehouse.LoadResult;
import io.tributary.warehouse.QuarantineRow;
import io.tributary.warehouse.Warehouse;
import io.tributary.warehouse.WebRequestRow;
import io.tributary.warehouse.WebSessionRow;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * foreachBatch of the web query: staging parquet + manifest for web_requests and web_sessions, the processed zone for
 * web_requests (sessions change, so the lake keeps requests, the immutable facts), then two warehouse loads under the
 * same load batch id {@code <query id>-<batch id>}. Each load has its own ledger row, so a batch replayed after a
 * crash between the two loads loads only the one that is missing.
 */
public final class WebSink implements VoidFunction2<Dataset<WebOutput>, Long> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebSink.class);
    private static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";

    private final transient BatchPublisher publisher;
    private final transient LakeCompaction compaction;
    private final transient Warehouse warehouse;
    private final boolean loadFromManifest;
    private final transient Consumer<WebBatchOutcome> outcomes;

    public WebSink(BatchPublisher publisher, LakeCompaction compaction, Warehouse warehouse, boolean loadFromManifest,
                   Consumer<WebBatchOutcome> outcomes) {
        this.publisher = publisher;
        this.compaction = compaction;
        this.warehouse = warehouse;
        this.loadFromManifest = loadFromManifest;
        this.outcomes = outcomes;
    }

    /** What one web micro-batch did. */
    public record WebBatchOutcome(long sparkBatchId, String loadBatchId, int requests, int sessions, int malformed,
                                  LoadResult requestLoad, LoadResult sessionLoad, long totalMs) {
    }

    @Override
    public void call(Dataset<WebOutput> batch, Long batchId) throws SQLException {
        String queryId = batch.sparkSession().sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
        if (queryId == null) {
            throw new IllegalStateException("no streaming query id on this thread: WebSink must run in foreachBatch");
        }
        String loadBatchId = queryId + "-" + batchId;
        long t0 = System.nanoTime();
        // computed once: every action below reads the cached rows instead of running the stateful operator again
        Dataset<WebOutput> cached = batch.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            record(batchId, loadBatchId, cached, t0);
        } finally {
            cached.unpersist();
        }
        compaction.afterBatch(WebTables.REQUESTS, WebTables.REQUEST_KEY, batchId, loadBatchId);
    }

    private void record(long batchId, String loadBatchId, Dataset<WebOutput> batch, long t0) throws SQLException {
        Column isRequest = col("kind").equalTo(WebOutput.REQUEST);
        Column isSession = col("kind").equalTo(WebOutput.SESSION);
        // the warehouse takes requests and sessions from the rows on PostgreSQL, from the staged files on Redshift
        Column toDriver = loadFromManifest ? col("kind").equalTo(WebOutput.MALFORMED) : lit(true);
        var requests = new ArrayList<WebOutput>();
        var sessions = new ArrayList<WebSession>();
        var malformed = new ArrayList<QuarantineRow>();
        for (WebOutput row : batch.filter(toDriver).collectAsList()) {
            switch (row.getKind()) {
                case WebOutput.REQUEST -> requests.add(row);
                case WebOutput.SESSION -> sessions.add(row.getSession().toSession());
                case WebOutput.MALFORMED -> malformed.add(new QuarantineRow("malformed", row.getEventId(), null, null,
                        null, row.getEventTime(), null, row.getJson()));
                default -> throw new IllegalStateException("unknown web output kind " + row.getKind());
            }
        }
        malformed.sort(Comparator.comparing(q -> String.valueOf(q.eventJson())));
        Dataset<WebOutput> requestOutput = batch.filter(isRequest);
        Dataset<WebOutput> sessionOutput = batch.filter(isSession);
        long requestCount = loadFromManifest ? requestOutput.count() : requests.size();
        long sessionCount = loadFromManifest ? sessionOutput.count() : sessions.size();
        Dataset<Row> requestRows = WebTables.requests(requestOutput);
        Dataset<Row> sessionRows = WebTables.sessions(sessionOutput);
        var requestLoadRows = requests.stream().sorted(Comparator.comparing(WebOutput::getEventId))
                .map(WebSink::requestRow).toList();
        var sessionLoadRows = sessions.stream().sorted(Comparator.comparing(WebSession::sessionId))
                .map(WebSink::sessionRow).toList();
        Supplier<BatchPublisher.Published[]> lakeWrite = () -> new BatchPublisher.Published[] {
            publisher.publishTable(WebTables.REQUESTS, loadBatchId, requestRows, requestCount, requestRows),
            publisher.publishTable(WebTables.SESSIONS, loadBatchId, sessionRows, sessionCount, null)};
        LoadResult requestLoad;
        LoadResult sessionLoad;
        if (loadFromManifest) {
            // Redshift COPYs the staged files: the lake first, then the loads
            BatchPublisher.Published[] published = lakeWrite.get();
            requestLoad = warehouse.loadWebRequests(loadBatchId, requestLoadRows, malformed,
                    published[0].manifestRedshiftUrl());
            sessionLoad = warehouse.loadWebSessions(loadBatchId, sessionLoadRows, published[1].manifestRedshiftUrl());
        } else {
            // PostgreSQL takes the rows from here: load them while Spark writes the lake (see BatchSink)
            var lake = LakeWriterThreads.start(lakeWrite);
            try {
                requestLoad = warehouse.loadWebRequests(loadBatchId, requestLoadRows, malformed, Optional.empty());
                sessionLoad = warehouse.loadWebSessions(loadBatchId, sessionLoadRows, Optional.empty());
            } catch (SQLException | RuntimeException e) {
                LakeWriterThreads.awaitAfter(lake, e);
                throw e;
            }
            LakeWriterThreads.await(lake, loadBatchId);
        }
        var outcome = new WebBatchOutcome(batchId, loadBatchId, (int) requestCount, (int) sessionCount,
                malformed.size(),
                requestLoad, sessionLoad, (System.nanoTime() - t0) / 1_000_000);
        LOG.info("web batch {} ({}): {} requests, {} session versions, {} malformed; load {}; took {} ms", batchId,
                loadBatchId, requestCount, sessionCount, malformed.size(),
                requestLoad.skipped() ? "skipped (already in ledger)" : "done", outcome.totalMs());
        outcomes.accept(outcome);
    }

    static WebRequestRow requestRow(WebOutput r) {
        return new WebRequestRow(r.getEventId(), r.getSite(), r.getEventTime(), r.getClientIp(), r.getUserAgent(),
                r.getMethod(), r.getPath(), r.getQuery(), r.getStatus(), r.getBytes(), r.getReferrer(),
                r.getResponseMs(), r.getSessionId(), LocalDate.ofInstant(r.getEventTime(), ZoneOffset.UTC));
    }

    static WebSessionRow sessionRow(WebSession s) {
        return new WebSessionRow(s.sessionId(), s.site(), s.visitorHash(), s.firstEventTime(), s.lastEventTime(),
                s.requestCount(), s.pageCount(), s.bytes(), s.errorCount(), s.reachedSearch(), s.reachedHotel(),
                s.reachedBooking(), s.version(), s.eventDate());
    }
}
