package io.tributary.cli;

import io.tributary.batch.config.BatchConfig;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StackConfigs;
import io.tributary.cli.config.StageConfigs;
import io.tributary.cli.pipeline.ConnectorsConfig;
import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.PipelineService;
import io.tributary.cli.pipeline.ProgressTicker;
import io.tributary.cli.stack.Reachability;
import io.tributary.config.KafkaClientConfig;
import io.tributary.stack.LocalStackConfig;
import io.tributary.warehouse.WarehouseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tributary run}: the whole pipeline as a supervised service, until Ctrl-C or SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline as a service until Ctrl-C or SIGTERM: creates the topics and the "
                + "warehouse schema, applies the S3 sink connectors, and starts tributary streams and the Spark job "
                + "(tributary batch) as child processes.",
                "By default on the embedded stack (KRaft Kafka, Connect, s3proxy, PostgreSQL) in .tributary/run, "
                        + "whose data survives restarts (--clean wipes it). With --external only the stages start, "
                        + "against the endpoints in the configuration (kafka.*, connect.url, s3.*, warehouse.*).",
                "Every server and stage is supervised: one that exits or is killed is started again with back-off "
                        + "and resumes from committed offsets and checkpoints; one that crashes 5 times in 10 minutes "
                        + "is marked FAILED on the status page with the end of its log.",
                "From another terminal: ./tributary ship|produce|ingest publish into it, ./tributary lag and the "
                        + "status page watch it."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--data-dir", description = "Data of the embedded stack and the stages; kept across restarts "
            + "(default: stack.data.dir, else .tributary/run).")
    Path dataDir;

    @Option(names = "--clean", description = "Wipe the data directory first (topics, landing zone, warehouse, "
            + "checkpoints).")
    boolean clean;

    @Option(names = "--external", description = "Start only the stages, against the servers the configuration names "
            + "(MSK, a Connect cluster, S3, Redshift or PostgreSQL) instead of the embedded stack.")
    boolean external;

    @Option(names = "--trigger", converter = DurationConverter.class, description = "Spark micro-batch interval "
            + "unless spark.trigger is configured (default: ${DEFAULT-VALUE}).", defaultValue = "1m")
    Duration trigger;

    @Option(names = "--partitions", description = "Partitions of the topics the pipeline creates (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "4")
    int partitions;

    @Option(names = "--status-port", description = "Port of the status page (/, /metrics, /health); a free port "
            + "when taken (default: ${DEFAULT-VALUE}).", defaultValue = "8089")
    int statusPort;

    @Option(names = "--status-host", description = "Address the status page listens on (default: ${DEFAULT-VALUE}, "
            + "this machine only; 0.0.0.0 in a container).", defaultValue = "127.0.0.1")
    String statusHost;

    @Option(names = "--progress", converter = DurationConverter.class, description = "Interval of the progress line "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "30s")
    Duration progress;

    @Option(names = "--no-stages", description = "Start the servers only (what ./tributary up does).")
    boolean noStages;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        PrintStream out = System.out;
        Map<String, String> loaded = config.load(System.getenv(), StackConfigs.WITH_STAGES);
        Map<String, String> stages = StackConfigs.stageKeys(loaded);
        LocalStackConfig stackConfig = null;
        Path data;
        if (external) {
            requireExternal(stages);
            data = (dataDir != null ? dataDir : Path.of(".tributary/run-external")).toAbsolutePath();
            out.println("Starting the stages against " + stages.get(KafkaClientConfig.BOOTSTRAP_SERVERS) + ", "
                    + stages.get(ConnectorsConfig.CONNECT_URL) + " (state in " + data + ") ...");
        } else {
            stackConfig = StackConfigs.localStack(loaded, dataDir, Path.of(".tributary/run"), clean);
            data = stackConfig.dataDir();
            out.println("Starting the embedded stack (data in " + data + ", kept across restarts"
                    + (clean ? "; wiped first" : "") + ") ...");
        }
        var options = noStages ? null : new Pipeline.Options(trigger, partitions, data.resolve("pipeline"),
                data.resolve("logs"), Duration.ofSeconds(10), "768m", "3g");
        long t0 = System.nanoTime();
        PipelineService service;
        try {
            service = PipelineService.start(new PipelineService.Spec(stackConfig, stages, options, statusPort, statusHost),
                    new StackPrinter(out));
        } catch (RuntimeException e) {
            throw new UserFacingException("the pipeline did not start: " + e.getMessage() + " (logs in "
                    + data.resolve("logs") + ")", e);
        }
        var stopped = new CountDownLatch(1);
        var ticker = new ProgressTicker(out, progress, new RunProgress(service));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ticker.close();
            out.println("Stopping every stage and server (committing what was processed) ...");
            service.close();
            out.println("Stopped. Start again with the same command: nothing is lost, nothing doubled.");
            stopped.countDown();
        }, "tributary-run-shutdown"));
        out.printf("Ready in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        service.stack().ifPresent(stack -> UpCommand.printEndpoints(out, stack.endpoints(), stack.dataDir()));
        service.status().ifPresent(status -> out.println("  status page       " + status.url()));
        if (!noStages) {
            out.println("Publish from another terminal: ./tributary ship raw_logs/ | ./tributary produce vehicles | "
                    + "./tributary ingest; rows land in the warehouse within about one trigger ("
                    + service.pipeline().trigger() + ").");
        }
        out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    private void validate() {
        if (partitions < 1) {
            throw new UserFacingException("--partitions must be >= 1, got " + partitions);
        }
        if (trigger.isZero() || trigger.isNegative()) {
            throw new UserFacingException("--trigger must be a positive duration such as 30s or 1m, got " + trigger);
        }
        if (external && clean) {
            throw new UserFacingException("--clean wipes the embedded stack's data; with --external there is none "
                    + "(drop topics, bucket and schema on the servers themselves)");
        }
    }

    /** Every endpoint of an external pipeline must be configured and answer. */
    private static void requireExternal(Map<String, String> stages) {
        StageConfigs.require(stages, KafkaClientConfig.BOOTSTRAP_SERVERS, "Kafka");
        StageConfigs.require(stages, ConnectorsConfig.CONNECT_URL, "Kafka Connect");
        StageConfigs.require(stages, BatchConfig.S3_BUCKET, "landing bucket");
        StageConfigs.require(stages, WarehouseConfig.JDBC_URL, "warehouse");
        Reachability.requireKafka(new KafkaClientConfig(StageConfigs.only(stages, KafkaClientConfig.CONFIG_DEF))
                .clientProperties());
        Reachability.requireListening("Kafka Connect", stages.get(ConnectorsConfig.CONNECT_URL),
                ConnectorsConfig.CONNECT_URL);
        String s3 = stages.getOrDefault(BatchConfig.S3_ENDPOINT, "");
        if (!s3.isBlank()) {
            Reachability.requireListening("S3", s3, BatchConfig.S3_ENDPOINT);
        }
        Reachability.requireWarehouse(WarehouseConfig.of(StageConfigs.only(stages, WarehouseConfig.CONFIG_DEF)));
    }
}
