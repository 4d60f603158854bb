package io.tributary.cli.pipeline;

import io.tributary.batch.config.BatchConfig;
import io.tributary.cli.config.StageConfigs;
import io.tributary.config.KafkaClientConfig;
import io.tributary.events.Topics;
import io.tributary.monitor.ConsumerLagReader;
import io.tributary.monitor.status.ProcessRow;
import io.tributary.stack.connect.ConnectRestClient;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.process.ProcessStatus;
import io.tributary.stack.process.Supervisor;
import io.tributary.streams.app.StreamsApp;
import io.tributary.streams.app.StreamsAppConfig;
import io.tributary.warehouse.FunctionStats;
import io.tributary.warehouse.Warehouse;
import io.tributary.warehouse.WarehouseConfig;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's stages on a set of servers (the local stack's, or any cluster's): topics, the warehouse schema, the
 * S3 sink connectors, and the streams and batch processes, each a supervised child restarted when it dies and resuming
 * from committed offsets and checkpoints. {@code tributary run}, {@code demo}, {@code bench}, {@code chaos} and the
 * end-to-end tests all start it here, so they run the same wiring.
 */
public final class Pipeline implements AutoCloseable {
    public static final String STREAMS = "streams";
    public static final String BATCH = "batch";
    public static final String SINK_CONNECTOR = SinkConnectors.connectorName(Topics.VEHICLE_EVENTS);
    public static final String SINK_GROUP = SinkConnectors.groupOf(Topics.VEHICLE_EVENTS);
    public static final String WEB_SINK_CONNECTOR = SinkConnectors.connectorName(Topics.WEB_REQUESTS);
    public static final String WEB_SINK_GROUP = SinkConnectors.groupOf(Topics.WEB_REQUESTS);
    public static final String CALLS_TABLE = "log_functions_analysis";
    public static final String WEB_REQUESTS_TABLE = "web_requests";
    public static final String WEB_SESSIONS_TABLE = "web_sessions";
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /**
     * @param trigger       Spark micro-batch interval, unless {@code spark.trigger} is configured
     * @param partitions    partitions of each topic the pipeline creates
     * @param workDir       where the stages keep their state: Streams state, Spark checkpoint, config files
     * @param logDir        where the stage processes write their logs
     * @param sinkIdleFlush how long a landing file of an idle partition stays open, unless configured
     * @param streamsHeap   heap of the streams JVM
     * @param sparkHeap     heap of the Spark JVM
     */
    public record Options(Duration trigger, int partitions, Path workDir, Path logDir, Duration sinkIdleFlush,
                          String streamsHeap, String sparkHeap) {
        public Options(Duration trigger, int partitions, Path workDir, Duration sinkIdleFlush) {
            this(trigger, partitions, workDir, workDir.resolve("logs"), sinkIdleFlush, "768m", "3g");
        }

        /** Where the Spark job keeps its checkpoint (the monitor reads its file-source log). */
        public Path checkpointDir() {
            return workDir.resolve("spark-checkpoint");
        }
    }

    private final Supervisor supervisor;
    private final Admin admin;
    private final Warehouse warehouse;
    private final WarehouseProbe probe;
    private final ConsumerLagReader lag;
    private final ConnectorGuard guard;
    private final StreamsCounts streamsCounts;
    private final Path batchConfigFile;
    private final List<String> stages = new ArrayList<>();

    private Pipeline(Supervisor supervisor, Admin admin, Warehouse warehouse, WarehouseProbe probe,
                     ConnectorGuard guard, StreamsCounts streamsCounts, Path batchConfigFile) {
        this.supervisor = supervisor;
        this.admin = admin;
        this.warehouse = warehouse;
        this.probe = probe;
        this.guard = guard;
        this.streamsCounts = streamsCounts;
        this.batchConfigFile = batchConfigFile;
        this.lag = new ConsumerLagReader(admin, Duration.ofSeconds(15));
    }

    /**
     * Creates topics and schema, applies the connectors, then starts the streams and batch processes under
     * {@code supervisor}; on failure stops what it started and rethrows.
     *
     * @param config the resolved configuration of every stage ({@link StageConfigs#PIPELINE} keys), endpoints included
     */
    public static Pipeline start(Map<String, String> config, Options options, Supervisor supervisor,
                                 StageListener listener) {
        var files = new StageFiles(options.workDir().resolve("conf"));
        StreamsAppConfig streams = streamsConfig(config, options);
        Admin admin = Admin.create(KafkaClientConfig.clientProperties(streams));
        Warehouse warehouse = null;
        WarehouseProbe probe = null;
        ConnectorGuard guard = null;
        Pipeline pipeline = null;
        try {
            StreamsApp.createTopics(admin, streams.topicPartitions(), streams.replicationFactor());
            WarehouseConfig warehouseConfig = WarehouseConfig.of(StageConfigs.only(config, WarehouseConfig.CONFIG_DEF));
            warehouse = connectAndMigrate(warehouseConfig);
            probe = WarehouseProbe.open(warehouseConfig);
            listener.started("warehouse schema", warehouseConfig.toString());

            ConnectorsConfig connectors = connectorsConfig(config, options);
            var rest = new ConnectRestClient(connectors.connectUrl());
            SinkConnectors sinks = SinkConnectors.of(connectors);
            List<SinkConnectors.Change> changes = sinks.apply(rest);
            sinks.awaitRunning(rest, Duration.ofSeconds(90));
            guard = new ConnectorGuard(rest, sinks, Clock.systemUTC());
            listener.started("s3 sink connectors", changes + " -> s3://"
                    + config.get(BatchConfig.S3_BUCKET) + "/landing/");

            Path batchFile = files.write("batch.properties", batchConfig(config, options));
            pipeline = new Pipeline(supervisor, admin, warehouse, probe, guard,
                    new StreamsCounts(streams.metricsPort()), batchFile);
            ConnectorGuard connectorGuard = guard;
            // a standalone worker forgets its connectors when it restarts: put them back at once
            supervisor.status().stream().filter(p -> p.name().equals("connect")).findFirst()
                    .ifPresent(p -> supervisor.afterRestart("connect", process -> connectorGuard.check()));

            var processes = new StageProcesses(options.workDir(), options.logDir());
            Path streamsFile = files.write("streams.properties", streams.originalsStrings());
            ManagedProcess streamsProcess = supervisor.start(STREAMS,
                    processes.streams(streamsFile, streams.metricsPort(), options.streamsHeap()));
            pipeline.stages.add(STREAMS);
            listener.started("kafka streams", "pid " + streamsProcess.pid() + ", " + Topics.VEHICLE_LOGS_RAW + " -> "
                    + Topics.VEHICLE_EVENTS + ", " + Topics.WEB_LOGS_RAW + " -> " + Topics.WEB_REQUESTS + " | "
                    + Topics.DLQ + ", log " + streamsProcess.logFile());
            ManagedProcess batch = supervisor.start(BATCH, processes.batch(batchFile, options.sparkHeap()));
            pipeline.stages.add(BATCH);
            listener.started("spark micro-batch", "trigger " + pipeline.trigger() + ", pid " + batch.pid() + ", log "
                    + batch.logFile());
            return pipeline;
        } catch (Exception e) {
            if (pipeline != null) {
                pipeline.close();
            } else {
                if (guard != null) {
                    guard.close();
                }
                if (probe != null) {
                    probe.close();
                }
                if (warehouse != null) {
                    closeWarehouse(warehouse);
                }
                admin.close();
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a pipeline stage did not start: " + e.getMessage(), e);
        }
    }

    /** The Streams app's keys, with the state dir and metrics port of this pipeline unless configured. */
    static StreamsAppConfig streamsConfig(Map<String, String> config, Options options) {
        Map<String, String> props = StageConfigs.only(config, StreamsAppConfig.CONFIG_DEF);
        props.putIfAbsent(StreamsAppConfig.STATE_DIR, options.workDir().resolve("streams-state").toString());
        props.putIfAbsent(StreamsAppConfig.TOPIC_PARTITIONS, Integer.toString(options.partitions()));
        if (Integer.parseInt(props.getOrDefault(StreamsAppConfig.METRICS_PORT, "-1")) <= 0) {
            // a fixed port for the life of this pipeline: the restarted process serves where the first one did
            props.put(StreamsAppConfig.METRICS_PORT, Integer.toString(freePort()));
        }
        return new StreamsAppConfig(props);
    }

    /** The sink's keys; a landing file of an idle partition closes after {@code sinkIdleFlush} unless configured. */
    static ConnectorsConfig connectorsConfig(Map<String, String> config, Options options) {
        Map<String, String> props = StageConfigs.only(config, ConnectorsConfig.CONFIG_DEF);
        props.putIfAbsent(ConnectorsConfig.ROTATE_IDLE_MS, Long.toString(options.sinkIdleFlush().toMillis()));
        return new ConnectorsConfig(props);
    }

    /** The Spark job's keys, with this pipeline's trigger, checkpoint and batch bound unless configured. */
    static Map<String, String> batchConfig(Map<String, String> config, Options options) {
        Map<String, String> props = StageConfigs.only(config, BatchConfig.CONFIG, WarehouseConfig.CONFIG_DEF);
        props.putIfAbsent(BatchConfig.SPARK_MASTER, "local[2]");
        props.putIfAbsent(BatchConfig.SPARK_TRIGGER, options.trigger().toSeconds() + "s");
        props.putIfAbsent(BatchConfig.SPARK_CHECKPOINT_LOCATION, options.checkpointDir().toUri().toString());
        props.putIfAbsent(BatchConfig.SPARK_MAX_FILES_PER_TRIGGER,
                Integer.toString(maxFilesPerTrigger(options.trigger())));
        BatchJobs.validate(props);
        return props;
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
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

    /** The micro-batch interval the job runs with. */
    public String trigger() {
        return io.tributary.stack.PropertiesFiles.read(batchConfigFile).get(BatchConfig.SPARK_TRIGGER);
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
        StreamsCounts.Snapshot streams = streamsCounts.read();
        Map<String, Long> ledger = exactRows ? Map.of() : probe.ledgerRows();
        return new PipelineCounts(
                streams.vehicle().parsed(),
                streams.vehicle().deadLettered(),
                lag.endOffsetTotal(Topics.VEHICLE_EVENTS),
                lag.committedTotal(SINK_GROUP, Topics.VEHICLE_EVENTS),
                exactRows ? callsLoaded() : ledger.getOrDefault(CALLS_TABLE, 0L),
                new PipelineCounts.Web(streams.web().parsed(), streams.web().deadLettered(), streams.web().duplicates(),
                        lag.endOffsetTotal(Topics.WEB_REQUESTS), lag.committedTotal(WEB_SINK_GROUP, Topics.WEB_REQUESTS),
                        exactRows ? webRequestsLoaded() : ledger.getOrDefault(WEB_REQUESTS_TABLE, 0L)));
    }

    /** The counters of the streams process (they restart from zero with the process). */
    public StreamsCounts.Snapshot streamsCounts() {
        return streamsCounts.read();
    }

    /** Rows in web_requests. */
    public long webRequestsLoaded() {
        return probe.countRows(WEB_REQUESTS_TABLE);
    }

    /** Rows in log_functions_analysis. */
    public long callsLoaded() {
        return probe.countRows(CALLS_TABLE);
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

    /** The current Spark job process, while it runs. */
    public Optional<ManagedProcess> sparkJob() {
        return supervisor.process(BATCH);
    }

    /** The current streams process, while it runs. */
    public Optional<ManagedProcess> streamsProcess() {
        return supervisor.process(STREAMS);
    }

    /** The Spark job's properties file (S3 and warehouse settings, secrets: owner-readable only). */
    public Path sparkJobConfig() {
        return batchConfigFile;
    }

    /** A process of the pipeline that crashed too often to be restarted, if any. */
    public Optional<ProcessStatus> failedProcess() {
        return supervisor.status().stream().filter(p -> p.state() == Supervisor.State.FAILED).findFirst();
    }

    /** The connectors as status-page rows (restarts and re-creations by the guard). */
    public List<ProcessRow> connectorRows() {
        return guard.rows();
    }

    /** Stops the Spark micro-batch for good (e.g. so a measurement after the run has the cores); close() is still due. */
    public void stopSpark() {
        supervisor.stop(BATCH);
    }

    /** Stops the stages (not the servers): Spark, Streams, then the clients. */
    @Override
    public void close() {
        guard.close();
        for (int i = stages.size() - 1; i >= 0; i--) {
            supervisor.stop(stages.get(i));
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

    /** The stage config files of this pipeline, owner-readable only (they hold secrets). */
    private record StageFiles(Path dir) {
        Path write(String name, Map<String, ?> props) {
            Map<String, String> values = new LinkedHashMap<>();
            props.forEach((k, v) -> values.put(k, String.valueOf(v)));
            return BatchJobs.writeConfig(dir.resolve(name), values);
        }
    }
}
