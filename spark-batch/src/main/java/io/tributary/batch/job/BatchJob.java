package io.tributary.batch.job;

import io.tributary.batch.config.BatchConfig;
import io.tributary.batch.config.TriggerSpec;
import io.tributary.batch.lake.BatchPublisher;
import io.tributary.batch.lake.CallsTable;
import io.tributary.batch.lake.LakeCompaction;
import io.tributary.batch.lake.LakeCompactor;
import io.tributary.batch.lake.LakePaths;
import io.tributary.batch.web.SessionFunction;
import io.tributary.batch.web.SessionStateBean;
import io.tributary.batch.web.WebLanding;
import io.tributary.batch.web.WebOutput;
import io.tributary.batch.web.WebSink;
import io.tributary.batch.web.WebTables;
import io.tributary.events.LandingLayout;
import io.tributary.warehouse.Warehouse;
import io.tributary.warehouse.WarehouseConfig;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The vehicle-calls streaming query: landing zone (file source) -> pairing (flatMapGroupsWithState) -> foreachBatch
 * (lake + warehouse). {@link #run()} blocks until the query ends: after the last batch for {@code available-now},
 * never on its own for an interval trigger (stop it with {@link #stop()}).
 */
public final class BatchJob {
    private static final Logger LOG = LoggerFactory.getLogger(BatchJob.class);
    /** Only finished landing files: s3proxy (the local stack's S3) lists an object being written as
     *  {@code key-<uuid>} until its write ends, and the file source would otherwise read that half-written copy. */
    static final String LANDING_FILES = "*." + LandingLayout.JSONL_GZ;
    public static final String QUERY_NAME = "tributary-vehicle-calls";
    public static final String WEB_QUERY_NAME = "tributary-web-sessions";

    private final BatchConfig config;
    private final SparkSession spark;
    private final LakePaths paths;
    private volatile StreamingQuery query;
    private volatile StreamingQuery webQuery;
    private final List<WebSink.WebBatchOutcome> webOutcomes =
            Collections.synchronizedList(new ArrayList<>());

    public BatchJob(BatchConfig config, SparkSession spark) {
        this.config = config;
        this.spark = spark;
        this.paths = LakePaths.of(config);
    }

    /**
     * Runs the vehicle-calls query (and the web query when {@code web.enabled}) to their end and returns what each
     * vehicle-calls micro-batch did ({@link #webOutcomes()} has the web batches). With an interval trigger this
     * returns only when a query fails or {@link #stop()} is called; a failure of one query stops the other.
     */
    public List<BatchOutcome> run() throws StreamingQueryException, TimeoutException, SQLException {
        var outcomes = Collections.synchronizedList(new ArrayList<BatchOutcome>());
        String jdbcUrl = String.valueOf(config.warehouseProps().get(WarehouseConfig.JDBC_URL));
        boolean redshift = jdbcUrl.startsWith("jdbc:redshift:");
        try (Warehouse warehouse = Warehouse.connect(WarehouseConfig.of(config.warehouseProps()))) {
            warehouse.migrate();
            ensureExists(paths.vehicleEventsLanding());
            var publisher = new BatchPublisher(spark, paths);
            var compaction = new LakeCompaction(publisher, new LakeCompactor(spark, config.compaction()),
                    config.compactEveryBatches());
            var sink = new BatchSink(publisher, compaction, warehouse, redshift, outcomes::add);
            query = pairedCalls().writeStream()
                    .queryName(QUERY_NAME)
                    .option("checkpointLocation", config.checkpointLocation())
                    .trigger(trigger(config.trigger()))
                    .foreachBatch(sink)
                    .start();
            LOG.info("query {} (id {}) started: landing {}, checkpoint {}, trigger {}", QUERY_NAME, query.id(),
                    paths.vehicleEventsLanding(), config.checkpointLocation(), config.trigger());
            if (config.webEnabled()) {
                ensureExists(paths.webRequestsLanding());
                webQuery = sessions().writeStream()
                        .queryName(WEB_QUERY_NAME)
                        .option("checkpointLocation", config.webCheckpointLocation())
                        .trigger(trigger(config.trigger()))
                        .foreachBatch(new WebSink(publisher, compaction, warehouse, redshift, webOutcomes::add))
                        .start();
                LOG.info("query {} (id {}) started: landing {}, checkpoint {}", WEB_QUERY_NAME, webQuery.id(),
                        paths.webRequestsLanding(), config.webCheckpointLocation());
            }
            awaitAll();
            if (config.trigger().interval().isEmpty()) {
                // run-to-completion: the queries ended after their last batch, so everything written is committed
                compaction.atEnd(LakePaths.FUNCTION_CALLS_TABLE, CallsTable.KEY);
                compaction.atEnd(WebTables.REQUESTS, WebTables.REQUEST_KEY);
            }
            LOG.info("query {} (id {}) ended after {} batch(es)", QUERY_NAME, query.id(), outcomes.size());
        }
        return List.copyOf(outcomes);
    }

    /** What each web micro-batch of the last {@link #run()} did. */
    public List<WebSink.WebBatchOutcome> webOutcomes() {
        return List.copyOf(webOutcomes);
    }

    /** Waits for every query; the first failure stops the others and is thrown. */
    private void awaitAll() throws StreamingQueryException, TimeoutException {
        var queries = new ArrayList<StreamingQuery>();
        queries.add(query);
        if (webQuery != null) {
            queries.add(webQuery);
        }
        try {
            while (queries.stream().anyMatch(StreamingQuery::isActive)) {
                spark.streams().awaitAnyTermination();
                spark.streams().resetTerminated();
                for (StreamingQuery q : queries) {
                    if (!q.isActive() && q.exception().isDefined()) {
                        throw q.exception().get();
                    }
                }
            }
        } finally {
            for (StreamingQuery q : queries) {
                if (q.isActive()) {
                    q.stop();
                }
            }
        }
    }

    /** Stops running queries (the current batch is interrupted; it is replayed from the checkpoint next time). */
    public void stop() throws TimeoutException {
        for (StreamingQuery running : new StreamingQuery[] {query, webQuery}) {
            if (running != null && running.isActive()) {
                running.stop();
            }
        }
    }

    Dataset<WebOutput> sessions() {
        Dataset<Row> requests = spark.readStream()
                .schema(WebLanding.SCHEMA)
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", WebLanding.CORRUPT_RECORD)
                .option("maxFilesPerTrigger", config.maxFilesPerTrigger())
                .option("pathGlobFilter", LANDING_FILES)
                .options(dateOptions(paths.webRequestsLanding()))
                .json(source(paths.webRequestsLanding()))
                .withColumn(WebLanding.EVENT_TIMESTAMP, WebLanding.EVENT_TIME)
                .withWatermark(WebLanding.EVENT_TIMESTAMP, config.allowedLateness().toMillis() + " milliseconds");
        return requests
                .groupBy(WebLanding.GROUP_COLUMNS)
                .as(WebLanding.GROUP_ENCODER, Encoders.row(requests.schema()))
                .flatMapGroupsWithState(new SessionFunction(config.sessionInactivity()), OutputMode.Append(),
                        Encoders.bean(SessionStateBean.class), Encoders.bean(WebOutput.class),
                        GroupStateTimeout.ProcessingTimeTimeout());
    }

    Dataset<PairingOutput> pairedCalls() {
        Dataset<Row> events = spark.readStream()
                .schema(LandingEvents.SCHEMA)
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", LandingEvents.CORRUPT_RECORD)
                .option("maxFilesPerTrigger", config.maxFilesPerTrigger())
                .option("pathGlobFilter", LANDING_FILES)
                .options(dateOptions(paths.vehicleEventsLanding()))
                .json(source(paths.vehicleEventsLanding()))
                .withColumn(LandingEvents.EVENT_TIMESTAMP, LandingEvents.EVENT_TIME);
        Dataset<Row> watermarked = events
                .withWatermark(LandingEvents.EVENT_TIMESTAMP, config.allowedLateness().toMillis() + " milliseconds");
        // grouping by columns, not by a key function: Spark then shuffles without turning every row into a Java
        // object first just to compute its key
        return watermarked
                .groupBy(LandingEvents.GROUP_COLUMNS)
                .as(LandingEvents.GROUP_ENCODER, Encoders.row(watermarked.schema()))
                .flatMapGroupsWithState(new PairingFunction(config.maxCallDuration()), OutputMode.Append(),
                        Encoders.BINARY(), Encoders.bean(PairingOutput.class),
                        GroupStateTimeout.ProcessingTimeTimeout());
    }

    /** The topic directory, or for a backfill only its dt= days in range (a glob the file source expands). */
    private String source(String topicDir) {
        return config.landingDates().map(d -> topicDir + d.glob() + "/").orElse(topicDir);
    }

    /** With a glob path, basePath keeps dt= discovered as the partition column it is in the schema. */
    private java.util.Map<String, String> dateOptions(String topicDir) {
        return config.landingDates().isPresent() ? java.util.Map.of("basePath", topicDir) : java.util.Map.of();
    }

    /** The file source refuses a path that does not exist, and on S3 a prefix exists only once an object is there. */
    private void ensureExists(String dir) {
        Path landing = new Path(dir);
        try {
            var fs = landing.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(landing)) {
                fs.mkdirs(landing);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the landing zone " + landing, e);
        }
    }

    private static Trigger trigger(TriggerSpec spec) {
        return spec.interval().map(d -> Trigger.ProcessingTime(d.toMillis())).orElseGet(Trigger::AvailableNow);
    }
}
