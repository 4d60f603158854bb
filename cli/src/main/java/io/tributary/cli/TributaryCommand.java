package io.tributary.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command line: one subcommand per thing a data engineer does. */
@Command(name = "tributary",
        mixinStandardHelpOptions = true,
        versionProvider = TributaryCommand.Version.class,
        description = "Near-real-time log ingestion: Kafka -> Kafka Streams -> S3 landing -> Spark -> warehouse.",
        subcommands = {RunCommand.class, UpCommand.class, DemoCommand.class, io.tributary.cli.stage.StreamsCommand.class, io.tributary.cli.stage.BatchCommand.class, io.tributary.cli.stage.ConnectorsCommand.class, io.tributary.cli.stage.MigrateCommand.class, io.tributary.cli.monitor.LagCommand.class, io.tributary.cli.monitor.StatusCommand.class, io.tributary.cli.batch.BackfillCommand.class, io.tributary.cli.batch.EmrStepCommand.class, io.tributary.cli.ingest.ProduceCommand.class, io.tributary.cli.ingest.ShipCommand.class, io.tributary.cli.ingest.IngestCommand.class, io.tributary.cli.bench.BenchCommand.class, io.tributary.cli.chaos.ChaosCommand.class, CommandLine.HelpCommand.class})
public final class TributaryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // before the first logger exists: the CLI's own logging setup, unless the user chose one
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "tributary-cli-log4j2.xml");
        }
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new TributaryCommand())
                .setExecutionExceptionHandler(new FriendlyErrors());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TributaryCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tributary " + (version == null ? "dev" : version),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
