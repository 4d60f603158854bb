package io.tributary.cli.stage;

import io.tributary.batch.config.BatchConfig;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StageConfigs;
import io.tributary.cli.pipeline.BatchJobs;
import io.tributary.cli.stack.StackLocation;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.warehouse.WarehouseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tributary batch}: the Spark micro-batch job, locally in a JVM of its own; on EMR the same jar runs. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run the Spark job: landing zone -> vehicle calls, web requests and sessions -> processed zone "
                + "(parquet) and warehouse (staged, idempotent UPSERT). Runs every spark.trigger (10m by default) "
                + "until Ctrl-C or SIGTERM, or with spark.trigger=available-now until what has landed is processed.",
                "Reads the one configuration (spark.*, s3.*, landing.*, pairing.*, web.*, lake.*, warehouse.*; file <"
                        + " TRIBUTARY_ environment < --set) over the running local stack's S3 and PostgreSQL, and "
                        + "checks every key before Spark starts. Secrets reach the job in an owner-only file, never on "
                        + "its command line.",
                "Locally Spark runs in a JVM of its own (local[2]); on EMR run the -emr jar with spark-submit "
                        + "(./tributary emr-step prints the step).",
                "Exit code: the job's (0 done or stopped, 1 failed), 2 on bad configuration or an unreachable server."})
public final class BatchCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    StackLocation stack;

    @Spec
    CommandSpec spec;

    @Option(names = "--work-dir", description = "Where the job's config file, logs and default checkpoint live "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = ".tributary/batch")
    Path workDir;

    @Option(names = "--heap", description = "Heap of the Spark JVM (default: ${DEFAULT-VALUE}).", defaultValue = "3g")
    String heap;

    @Option(names = "--progress", description = "Interval of the progress line (default: ${DEFAULT-VALUE}).",
            defaultValue = "30s", converter = io.tributary.cli.DurationConverter.class)
    Duration progress;

    @Override
    public Integer call() throws InterruptedException {
        Path work = workDir.toAbsolutePath();
        Map<String, String> props = StageConfigs.resolve(config, stack.endpointDefaults(),
                List.of(BatchConfig.CONFIG, WarehouseConfig.CONFIG_DEF));
        props.putIfAbsent(BatchConfig.SPARK_CHECKPOINT_LOCATION, work.resolve("checkpoint").toUri().toString());
        BatchConfig job = BatchJobs.checkForCommand(props);
        Path file = BatchJobs.writeConfig(work.resolve("conf/batch.properties"), props);
        var out = spec.commandLine().getOut();
        ManagedProcess process = BatchJobs.launcher(work, work.resolve("logs"), heap)
                .start("batch", BatchJobs.MAIN_CLASS, List.of("--config", file.toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.stop(Duration.ofSeconds(60)),
                "tributary-batch-shutdown"));
        out.printf("Spark job running (pid %d): trigger %s, checkpoint %s, log %s. Ctrl-C to stop.%n", process.pid(),
                job.getString(BatchConfig.SPARK_TRIGGER), job.checkpointLocation(), process.logFile());
        out.flush();
        return JobWatch.await(process, progress, out, "batch");
    }
}
