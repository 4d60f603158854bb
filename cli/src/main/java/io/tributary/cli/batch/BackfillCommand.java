package io.tributary.cli.batch;

import io.tributary.batch.config.BatchConfig;
import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StageConfigs;
import io.tributary.cli.pipeline.BatchJobs;
import io.tributary.cli.stack.StackLocation;
import io.tributary.cli.stage.JobWatch;
import io.tributary.events.SparkCheckpoints;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.warehouse.WarehouseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tributary backfill --from D --to D}: reprocesses the landed dt= days in range with the Spark job run to
 * completion under its own checkpoint. Rows are keyed (call_id = START event id, event_id, session_id with versions)
 * and UPSERTed, and the ledger keys on the backfill's own query id, so rows already loaded are replaced by identical
 * rows, never duplicated.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Reprocess landed days (dt=FROM..TO) into the warehouse with the Spark job, run to completion.",
                "Uses the running local stack's S3 and warehouse unless configured otherwise (same configuration as "
                        + "tributary batch); secrets reach the job in an owner-only file."})
public final class BackfillCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Mixin
    StackLocation stack;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First landed day (inclusive).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last landed day (inclusive).")
    String to;

    @Option(names = "--checkpoint", paramLabel = "URI",
            description = "Checkpoint of this backfill (default: .tributary/backfill/FROM_TO/checkpoint on local disk). "
                    + "Rerunning with the same checkpoint only picks up files landed since.")
    String checkpoint;

    @Option(names = "--heap", description = "Heap of the Spark JVM (default: ${DEFAULT-VALUE}).", defaultValue = "1g")
    String heap;

    @Override
    public Integer call() throws Exception {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (last.isBefore(first)) {
            throw new UserFacingException("--to " + last + " is before --from " + first);
        }
        Path work = Path.of(".tributary", "backfill", first + "_" + last).toAbsolutePath();
        String checkpointUri = checkpoint != null ? checkpoint : work.resolve("checkpoint").toUri().toString();
        Map<String, String> props = StageConfigs.resolve(config, stack.endpointDefaults(),
                List.of(BatchConfig.CONFIG, WarehouseConfig.CONFIG_DEF));
        props.put(BatchConfig.SPARK_TRIGGER, "available-now");
        props.put(BatchConfig.SPARK_CHECKPOINT_LOCATION, checkpointUri);
        props.put(BatchConfig.WEB_CHECKPOINT_LOCATION, SparkCheckpoints.webQuery(checkpointUri));
        props.put(BatchConfig.LANDING_DATES_FROM, first.toString());
        props.put(BatchConfig.LANDING_DATES_TO, last.toString());
        BatchConfig job = BatchJobs.checkForCommand(props);
        Path file = BatchJobs.writeConfig(work.resolve("conf/batch.properties"), props);

        var out = spec.commandLine().getOut();
        out.printf("backfill %s..%s: Spark job starting (checkpoint %s)%n", first, last, checkpointUri);
        out.flush();
        try (ManagedProcess process = BatchJobs.launcher(work, work.resolve("logs"), heap)
                .start("backfill", BatchJobs.MAIN_CLASS, List.of("--config", file.toString()))) {
            return JobWatch.await(process, Duration.ofSeconds(15), out, "backfill " + first + ".." + last);
        }
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserFacingException(option + " '" + text + "' is not a date YYYY-MM-DD");
        }
    }
}
