package io.tributary.cli.stage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tributary connectors}: the S3 sink connectors on a Connect worker or cluster. */
@Command(name = "connectors", mixinStandardHelpOptions = true,
        description = "The S3 sink connectors (one per canonical topic) on a Kafka Connect worker or cluster.",
        subcommands = {ConnectorsApplyCommand.class, CommandLine.HelpCommand.class})
public final class ConnectorsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
