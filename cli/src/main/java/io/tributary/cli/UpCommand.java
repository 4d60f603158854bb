package io.tributary.cli;

import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StackConfigs;
import io.tributary.monitor.status.StatusServer;
import io.tributary.stack.LocalStack;
import io.tributary.stack.LocalStackConfig;
import io.tributary.stack.StackEndpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tributary up}: the local stack alone, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the local stack (KRaft Kafka, Connect with the S3 sink plugin, s3proxy, PostgreSQL) and keep it up until Ctrl-C.",
                "Data stays in the data directory across restarts; Spark jobs are started by the pipeline commands."})
final class UpCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--data-dir", description = "Where the servers keep their data (default: stack.data.dir, else .tributary/stack).")
    Path dataDir;

    @Option(names = "--clean", description = "Wipe the data directory first.")
    boolean clean;

    @Option(names = "--status-port", description = "Port of the status page (/, /metrics, /health); a free port when taken (default: ${DEFAULT-VALUE}).",
            defaultValue = "8089")
    int statusPort;

    @Override
    public Integer call() throws InterruptedException {
        var out = System.out;
        LocalStackConfig stackConfig = StackConfigs.localStack(config, dataDir, Path.of(".tributary/stack"), clean);
        out.println("Starting the local stack (data in " + stackConfig.dataDir().toAbsolutePath() + ") ...");
        long t0 = System.nanoTime();
        LocalStack stack = LocalStack.start(stackConfig, new StackPrinter(out));
        out.printf("Stack ready in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        printEndpoints(out, stack.endpoints(), stack.dataDir());
        StatusServer status = StatusWiring.start(stack.endpoints(), null, Duration.ofMinutes(10), statusPort);
        Runtime.getRuntime().addShutdownHook(new Thread(status::close, "tributary-status-shutdown"));
        out.println("  status page       " + status.url() + "  (/metrics, /health)");
        out.println("Press Ctrl-C to stop every server.");
        // the stack's shutdown hook stops every child process on Ctrl-C
        new CountDownLatch(1).await();
        return 0;
    }

    static void printEndpoints(java.io.PrintStream out, StackEndpoints endpoints, Path dataDir) {
        out.println("  kafka bootstrap   " + endpoints.kafkaBootstrap());
        out.println("  connect REST      " + endpoints.connectUrl());
        out.println("  s3 endpoint       " + endpoints.s3Endpoint() + "  bucket " + endpoints.bucket()
                + "  (credentials in " + dataDir.resolve("credentials.properties") + ")");
        out.println("  warehouse         " + endpoints.jdbcUrl() + "  user " + endpoints.jdbcUser());
        out.println("  logs              " + dataDir.resolve("logs"));
    }
}
