package io.tributary.batch.job;

import io.tributary.batch.config.BatchConfig;
import io.tributary.batch.config.TriggerSpec;
import io.tributary.batch.lake.BatchPublisher;
import io.tributary.batch.lake.LakePaths;
import io.tributary.events.EventTimes;
import io.tributary.warehouse.Warehouse;
import io.tributary.warehouse.WarehouseConfig;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
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
    public static final String QUERY_NAME = "tributary-vehicle-calls";

    private final BatchConfig config;
    private final SparkSession spark;
    private final LakePaths paths;
    private volatile StreamingQuery query;

    public BatchJob(BatchConfig config, SparkSession spark) {
        this.config = config;
        this.spark = spark;
        this.paths = LakePaths.of(config);
    }

    /** Runs the query to its end and returns what each micro-batch did. */
    public List<BatchOutcome> run() throws StreamingQueryException, TimeoutException, SQLException {
        var outcomes = Collections.synchronizedList(new ArrayList<BatchOutcome>());
        String jdbcUrl = String.valueOf(config.warehouseProps().get(WarehouseConfig.JDBC_URL));
        try (Warehouse warehouse = Warehouse.connect(WarehouseConfig.of(config.warehouseProps()))) {
            warehouse.migrate();
            ensureLandingExists();
            var sink = new BatchSink(new BatchPublisher(spark, paths), warehouse,
                    jdbcUrl.startsWith("jdbc:redshift:"), outcomes::add);
            query = pairedCalls().writeStream()
                    .queryName(QUERY_NAME)
                    .option("checkpointLocation", config.checkpointLocation())
                    .trigger(trigger(config.trigger()))
                    .foreachBatch(sink)
                    .start();
            LOG.info("query {} (id {}) started: landing {}, checkpoint {}, trigger {}", QUERY_NAME, query.id(),
                    paths.vehicleEventsLanding(), config.checkpointLocation(), config.trigger());
            query.awaitTermination();
            LOG.info("query {} (id {}) ended after {} batch(es)", QUERY_NAME, query.id(), outcomes.size());
        }
        return List.copyOf(outcomes);
    }

    /** Stops a running query (the current batch is interrupted; it is replayed from the checkpoint next time). */
    public void stop() throws TimeoutException {
        StreamingQuery running = query;
        if (running != null && running.isActive()) {
            running.stop();
        }
    }

    Dataset<PairingOutput> pairedCalls() {
        Dataset<Row> events = spark.readStream()
                .schema(LandingEvents.SCHEMA)
                .option("timestampFormat", EventTimes.SPARK_PATTERN)
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", LandingEvents.CORRUPT_RECORD)
                .option("maxFilesPerTrigger", config.maxFilesPerTrigger())
                .json(paths.vehicleEventsLanding());
        return events
                .withWatermark("event_time", config.allowedLateness().toMillis() + " milliseconds")
                .groupByKey((MapFunction<Row, String>) LandingEvents::groupKey, Encoders.STRING())
                .flatMapGroupsWithState(new PairingFunction(config.maxCallDuration()), OutputMode.Append(),
                        Encoders.bean(PairingStateBean.class), Encoders.bean(PairingOutput.class),
                        GroupStateTimeout.ProcessingTimeTimeout());
    }

    /** The file source refuses a path that does not exist, and on S3 a prefix exists only once an object is there. */
    private void ensureLandingExists() {
        Path landing = new Path(paths.vehicleEventsLanding());
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
