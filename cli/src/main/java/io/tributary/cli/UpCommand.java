package io.tributary.cli;

import io.tributary.cli.config.ConfigOptions;
import io.tributary.stack.StackEndpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tributary up}: the embedded stack's servers alone, supervised, until Ctrl-C; {@code run --no-stages}. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the embedded stack's servers (KRaft Kafka, Connect with the S3 sink plugin, s3proxy, "
                + "PostgreSQL) without the pipeline stages, supervised, until Ctrl-C: ./tributary run --no-stages.",
                "Same data directory as run (.tributary/run): ./tributary run later continues on the same data."})
final class UpCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--data-dir", description = "Where the servers keep their data (default: stack.data.dir, else .tributary/run).")
    Path dataDir;

    @Option(names = "--clean", description = "Wipe the data directory first.")
    boolean clean;

    @Option(names = "--status-port", description = "Port of the status page (/, /metrics, /health); a free port when taken (default: ${DEFAULT-VALUE}).",
            defaultValue = "8089")
    int statusPort;

    @Override
    public Integer call() throws InterruptedException {
        var run = new RunCommand();
        run.config = config;
        run.dataDir = dataDir;
        run.clean = clean;
        run.statusPort = statusPort;
        run.statusHost = "127.0.0.1";
        run.noStages = true;
        run.trigger = java.time.Duration.ofMinutes(1);
        run.partitions = 4;
        run.progress = java.time.Duration.ofSeconds(30);
        return run.call();
    }

    static void printEndpoints(java.io.PrintStream out, StackEndpoints endpoints, Path dataDir) {
        out.println("  kafka bootstrap   " + endpoints.kafkaBootstrap());
        out.println("  connect REST      " + endpoints.connectUrl());
        out.println("  s3 endpoint       " + endpoints.s3Endpoint() + "  bucket " + endpoints.bucket()
                + "  (credentials in " + dataDir.resolve("credentials.properties") + ")");
        out.println("  warehouse         " + endpoints.jdbcUrl() + "  user " + endpoints.jdbcUser()
                + "  (" + DemoSummary.psqlCommand(endpoints) + ")");
        out.println("  logs              " + dataDir.resolve("logs"));
    }
}
