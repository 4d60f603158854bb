package io.tributary.cli;

import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;

/**
 * Turns the errors a user can fix (bad config, a stage that did not become ready) into one clear line and exit code 2;
 * anything else keeps its stack trace, because it is a bug to report.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof UserFacingException user) {
            commandLine.getErr().println("tributary: " + e.getMessage());
            return user.exitCode();
        }
        if (e instanceof ConfigException) {
            commandLine.getErr().println("tributary: " + e.getMessage());
            return UserFacingException.EXIT_USAGE;
        }
        throw new RuntimeException(e);
    }
}
