package io.tributary.cli.batch;

import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.stack.ProjectRoot;
import io.tributary.stack.process.ChildLauncher;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.spark.SparkJobLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code tributary backfill --from D --to D}: reprocesses the landed dt= days in range with the Spark job run to
 * completion under its own checkpoint. Rows are keyed (call_id = START event id, event_id, session_id with versions)
 * and UPSERTed, and the ledger keys on the backfill's own query id, so rows already loaded are replaced by identical
 * rows, never duplicated.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Reprocess landed days (dt=FROM..TO) into the warehouse with the Spark job, run to completion.")
public final class BackfillCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First landed day (inclusive).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last landed day (inclusive).")
    String to;

    @Option(names = "--checkpoint", paramLabel = "URI",
            description = "Checkpoint of this backfill (default: .tributary/backfill/FROM_TO on local disk). Rerunning "
                    + "with the same checkpoint only picks up files landed since.")
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
        Path root = ProjectRoot.find(System.getProperty(ProjectRoot.SYSTEM_PROPERTY, ""), Path.of(""))
                .orElseThrow(() -> new UserFacingException("cannot find the project root (spark-batch/target) from "
                        + Path.of("").toAbsolutePath() + "; run from the repository or set -D"
                        + ProjectRoot.SYSTEM_PROPERTY));
        Path work = Path.of(".tributary", "backfill", first + "_" + last).toAbsolutePath();
        Files.createDirectories(work.resolve("logs"));
        String checkpointUri = checkpoint != null ? checkpoint : work.resolve("checkpoint").toUri().toString();

        var extra = new LinkedHashMap<String, String>();
        extra.put("spark.trigger", "available-now");
        extra.put("spark.checkpoint.location", checkpointUri);
        extra.put("spark.web.checkpoint.location", checkpointUri.replaceAll("/$", "") + "-web");
        extra.put("landing.dates.from", first.toString());
        extra.put("landing.dates.to", last.toString());
        var args = SparkJobArgs.forward(spec, extra);

        var out = spec.commandLine().getOut();
        out.printf("backfill %s..%s: Spark job starting (checkpoint %s)%n", first, last, checkpointUri);
        out.flush();
        Path log4j = work.resolve("log4j2-spark.properties");
        Files.writeString(log4j, "rootLogger.level=WARN\nrootLogger.appenderRef.out.ref=out\n"
                + "appender.out.type=Console\nappender.out.name=out\nappender.out.layout.type=PatternLayout\n"
                + "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5level %c{1}: %msg%n\n"
                + "logger.tributary.name=io.tributary\nlogger.tributary.level=INFO\n");
        var launcher = new SparkJobLauncher(new ChildLauncher(work, p -> { }), root, work, work.resolve("logs"), log4j,
                heap);
        long started = System.nanoTime();
        try (ManagedProcess job = launcher.start(args)) {
            OptionalInt exit = OptionalInt.empty();
            while (exit.isEmpty()) {
                exit = job.waitFor(Duration.ofSeconds(15));
                if (exit.isEmpty()) {
                    out.printf("backfill %s..%s: running for %d s (log %s)%n", first, last,
                            (System.nanoTime() - started) / 1_000_000_000L, job.logFile());
                    out.flush();
                }
            }
            out.printf("backfill %s..%s: %s after %d s; log %s%n%s%n", first, last,
                    exit.getAsInt() == 0 ? "done" : "FAILED (exit " + exit.getAsInt() + ")",
                    (System.nanoTime() - started) / 1_000_000_000L, job.logFile(), job.logTail(12));
            return exit.getAsInt();
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
