package io.tributary.cli.pipeline;

import io.tributary.connect.config.ConnectorConfigs;
import io.tributary.events.Topics;
import io.tributary.monitor.ConsumerLagReader;
import io.tributary.stack.PipelineStack;
import io.tributary.stack.StackEndpoints;
import io.tributary.stack.connect.ConnectRestClient;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.streams.app.StreamsApp;
import io.tributary.streams.app.StreamsAppConfig;
import io.tributary.warehouse.FunctionStats;
import io.tributary.warehouse.Warehouse;
import io.tributary.warehouse.WarehouseConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The pipeline's stages wired onto a running stack: topics, the Streams app, the S3 sink connector and the Spark
 * micro-batch job. Used by {@code tributary demo} and by the end-to-end tests, so both run the same wiring.
 */
public final class LocalPipeline implements AutoCloseable {
    public static final String SINK_CONNECTOR = ConnectorConfigs.defaultConnectorName(Topics.VEHICLE_EVENTS);
    /** Connect names a sink's consumer group after the connector. */
    public static final String SINK_GROUP = "connect-" + SINK_CONNECTOR;
    /** The second S3 sink connector: web.requests lands under landing/web.requests/ for the Spark web query. */
    public static final String WEB_SINK_CONNECTOR = ConnectorConfigs.defaultConnectorName(Topics.WEB_REQUESTS);
    public static final String WEB_SINK_GROUP = "connect-" + WEB_SINK_CONNECTOR;
    public static final String CALLS_TABLE = "log_functions_analysis";
    public static final String WEB_REQUESTS_TABLE = "web_requests";
    public static final String WEB_SESSIONS_TABLE = "web_sessions";
    private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

    /**
     * @param trigger       Spark micro-batch interval
     * @param partitions    partitions of each topic
     * @param workDir       where the Streams state, Spark checkpoint and job config live
     * @param sinkIdleFlush how long a landing file of an idle partition stays open
     */
    public record Options(Duration trigger, int partitions, Path workDir, Duration sinkIdleFlush) {
        /** Where the Spark job keeps its checkpoint (the monitor reads its file-source log). */
        public Path checkpointDir() {
            return workDir.resolve("spark-checkpoint");
        }
    }

    private final PipelineStack stack;
    private final Admin admin;
    private final Warehouse warehouse;
    private final ConsumerLagReader lag;
    private final WarehouseProbe probe;
    private StreamsApp streams;
    private ManagedProcess sparkJob;
    private Path sparkJobConfig;

    private LocalPipeline(PipelineStack stack, Admin admin, Warehouse warehouse, WarehouseProbe probe) {
        this.stack = stack;
        this.admin = admin;
        this.warehouse = warehouse;
        this.probe = probe;
        this.lag = new ConsumerLagReader(admin, Duration.ofSeconds(15));
    }

    /** Creates topics and schema, then starts every stage; on failure stops what it started and rethrows. */
    public static LocalPipeline start(PipelineStack stack, Options options, StageListener listener) {
        StackEndpoints endpoints = stack.endpoints();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap()));
        Warehouse warehouse = null;
        LocalPipeline pipeline = null;
        try {
            StreamsApp.createTopics(admin, options.partitions());
            warehouse = connectAndMigrate(warehouseConfig(endpoints));
            pipeline = new LocalPipeline(stack, admin, warehouse, WarehouseProbe.open(warehouseConfig(endpoints)));
            listener.started("warehouse schema", endpoints.jdbcUrl());
            pipeline.startStreams(endpoints, options);
            listener.started("kafka streams", "application tributary-streams, " + Topics.VEHICLE_LOGS_RAW
                    + " -> " + Topics.VEHICLE_EVENTS + ", " + Topics.WEB_LOGS_RAW + " -> " + Topics.WEB_REQUESTS
                    + " | " + Topics.DLQ);
            pipeline.startSinks(endpoints, options);
            listener.started("s3 sink connectors", SINK_CONNECTOR + ", " + WEB_SINK_CONNECTOR + " -> s3://"
                    + endpoints.bucket() + "/landing/");
            pipeline.startSpark(endpoints, options);
            listener.started("spark micro-batch", "trigger " + options.trigger().toSeconds() + "s, pid "
                    + pipeline.sparkJob.pid() + ", log " + pipeline.sparkJob.logFile());
            return pipeline;
        } catch (RuntimeException e) {
            if (pipeline != null) {
                pipeline.close();
            } else {
                if (warehouse != null) {
                    closeWarehouse(warehouse);
                }
                admin.close();
            }
            throw e;
        }
    }

    private static Warehouse connectAndMigrate(WarehouseConfig config) {
        Warehouse warehouse = null;
        try {
            warehouse = Warehouse.connect(config);
            warehouse.migrate();
            return warehouse;
        } catch (SQLException e) {
            if (warehouse != null) {
                closeWarehouse(warehouse);
            }
            throw new IllegalStateException("cannot prepare the warehouse schema at " + config + ": " + e.getMessage(), e);
        }
    }

    static WarehouseConfig warehouseConfig(StackEndpoints endpoints) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(WarehouseConfig.JDBC_URL, endpoints.jdbcUrl());
        props.put(WarehouseConfig.USER, endpoints.jdbcUser());
        props.put(WarehouseConfig.PASSWORD, endpoints.jdbcPassword() == null ? "" : endpoints.jdbcPassword());
        return WarehouseConfig.of(props);
    }

    private void startStreams(StackEndpoints endpoints, Options options) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(StreamsAppConfig.BOOTSTRAP_SERVERS, endpoints.kafkaBootstrap());
        props.put(StreamsAppConfig.STATE_DIR, options.workDir().resolve("streams-state").toString());
        streams = StreamsApp.start(new StreamsAppConfig(props));
    }

    /** One connector per canonical topic, same plugin and template; both are RUNNING when this returns. */
    private void startSinks(StackEndpoints endpoints, Options options) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("s3.endpoint", endpoints.s3Endpoint());
        values.put("s3.region", endpoints.s3Region());
        values.put("s3.bucket", endpoints.bucket());
        values.put("s3.access.key", endpoints.s3AccessKey());
        values.put("s3.secret.key", endpoints.s3SecretKey());
        values.put("rotate.idle.ms", Long.toString(options.sinkIdleFlush().toMillis()));
        var connect = new ConnectRestClient(endpoints.connectUrl());
        connect.putConnector(SINK_CONNECTOR, ConnectorConfigs.localS3Sink(Topics.VEHICLE_EVENTS, values));
        connect.putConnector(WEB_SINK_CONNECTOR, ConnectorConfigs.localS3Sink(Topics.WEB_REQUESTS, values));
        connect.awaitRunning(SINK_CONNECTOR, Duration.ofSeconds(60));
        connect.awaitRunning(WEB_SINK_CONNECTOR, Duration.ofSeconds(60));
    }

    private void startSpark(StackEndpoints endpoints, Options options) {
        Properties job = new Properties();
        job.put("spark.master", "local[2]");
        job.put("spark.trigger", options.trigger().toSeconds() + "s");
        job.put("spark.max.files.per.trigger", Integer.toString(maxFilesPerTrigger(options.trigger())));
        job.put("spark.checkpoint.location", options.checkpointDir().toUri().toString());
        job.put("s3.bucket", endpoints.bucket());
        job.put("s3.endpoint", endpoints.s3Endpoint());
        job.put("s3.region", endpoints.s3Region());
        job.put("s3.path.style.access", "true");
        job.put("s3.access.key", endpoints.s3AccessKey());
        job.put("s3.secret.key", endpoints.s3SecretKey());
        job.put("warehouse.jdbc.url", endpoints.jdbcUrl());
        job.put("warehouse.user", endpoints.jdbcUser());
        job.put("warehouse.password", endpoints.jdbcPassword() == null ? "" : endpoints.jdbcPassword());
        // secrets go in a file only the owner can read, never on a command line other users can see
        Path file = writePrivate(options.workDir().resolve("spark-job.properties"), job);
        sparkJobConfig = file;
        sparkJob = stack.startSparkJob(List.of("--config", file.toString()));
        LOG.info("Spark micro-batch started: pid {}, log {}", sparkJob.pid(), sparkJob.logFile());
    }

    /**
     * Landed files one micro-batch may take. The local sink cuts files of up to 20,000 events, so 20 files bound a
     * batch to ~400k events per query, which the local Spark JVM (both queries, cached batches, rows collected for
     * COPY) holds while catching up. But a processing-time trigger takes one batch per interval however much is
     * waiting, so a fixed 20 would cap a 1-minute trigger at 400k events a minute (a 2 MB/s freshness run lands
     * ~80 vehicle files a minute and fell further behind every batch): the bound grows with the trigger, 20 per 10 s,
     * up to 100 (~2M events).
     */
    static int maxFilesPerTrigger(Duration trigger) {
        long perTenSeconds = Math.max(1, (trigger.toMillis() + 9_999) / 10_000);
        return (int) Math.min(100, 20 * perTenSeconds);
    }

    private static Path writePrivate(Path file, Properties props) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(file)) {
                props.store(out, "Spark micro-batch job of the local pipeline (contains secrets; not for git)");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Counts along the pipeline with exact warehouse row counts, for progress lines and completion checks. */
    public PipelineCounts counts() {
        return counts(true);
    }

    /**
     * Counts along the pipeline. With {@code exactRows} false the loaded rows come from the load ledger (rows
     * upserted, summed per table): a few ledger rows instead of COUNT(*) over tables of millions of rows, for callers
     * that poll often while the loader works; it equals the row count as long as no loaded row was replaced or
     * retracted, so confirm completion with {@link #callsLoaded()} / {@link #webRequestsLoaded()}.
     */
    public PipelineCounts counts(boolean exactRows) {
        StreamsApp.VehicleCounts parsed = streams.vehicleCounts();
        StreamsApp.LineCounts web = streams.webLineCounts();
        Map<String, Long> ledger = exactRows ? Map.of() : probe.ledgerRows();
        return new PipelineCounts(
                parsed.parsed(),
                parsed.deadLettered(),
                lag.endOffsetTotal(Topics.VEHICLE_EVENTS),
                lag.committedTotal(SINK_GROUP, Topics.VEHICLE_EVENTS),
                exactRows ? callsLoaded() : ledger.getOrDefault(CALLS_TABLE, 0L),
                new PipelineCounts.Web(web.parsed(), web.deadLettered(), web.duplicates(),
                        lag.endOffsetTotal(Topics.WEB_REQUESTS), lag.committedTotal(WEB_SINK_GROUP, Topics.WEB_REQUESTS),
                        exactRows ? webRequestsLoaded() : ledger.getOrDefault(WEB_REQUESTS_TABLE, 0L)));
    }

    /** Rows in web_requests. */
    public long webRequestsLoaded() {
        try {
            return warehouse.countRows(WEB_REQUESTS_TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows of " + WEB_REQUESTS_TABLE + ": " + e.getMessage(), e);
        }
    }

    /** Rows in log_functions_analysis. */
    public long callsLoaded() {
        try {
            return warehouse.countRows(CALLS_TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows of " + CALLS_TABLE + ": " + e.getMessage(), e);
        }
    }

    /** Calls per function with p50/p95 durations, from the warehouse. */
    public List<FunctionStats> functionStats() {
        try {
            return warehouse.functionStats();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read function statistics: " + e.getMessage(), e);
        }
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    /** A connection of its own for read-only queries (ledger totals, aggregates) while the loader works. */
    public WarehouseProbe probe() {
        return probe;
    }

    public Admin admin() {
        return admin;
    }

    public ManagedProcess sparkJob() {
        return sparkJob;
    }

    /** The Spark job's properties file (S3 and warehouse settings, secrets: owner-readable only). */
    public Path sparkJobConfig() {
        return sparkJobConfig;
    }

    /** Stops the Spark micro-batch early (e.g. so a measurement after the run has the cores); close() is still due. */
    public void stopSpark() {
        if (sparkJob != null && sparkJob.isAlive()) {
            sparkJob.stop(Duration.ofSeconds(20));
        }
    }

    /** Stops the stages (not the stack): Spark, Streams, then the clients. */
    @Override
    public void close() {
        if (sparkJob != null) {
            sparkJob.stop(Duration.ofSeconds(20));
        }
        if (streams != null) {
            streams.close();
        }
        closeWarehouse(warehouse);
        probe.close();
        admin.close();
    }

    private static void closeWarehouse(Warehouse warehouse) {
        try {
            warehouse.close();
        } catch (Exception e) {
            LOG.warn("closing the warehouse connection failed: {}", e.toString());
        }
    }

    /** Told as each stage comes up, for the CLI to print. */
    public interface StageListener {
        void started(String stage, String detail);
    }
}
