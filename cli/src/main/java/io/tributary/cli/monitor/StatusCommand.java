package io.tributary.cli.monitor;

import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.stack.StackLocation;
import io.tributary.monitor.MonitorConfig;
import io.tributary.monitor.status.PipelineStatusSources;
import io.tributary.monitor.status.StatusServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tributary status}: the status server (page with charts, /metrics, /health) until Ctrl-C. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Serve the pipeline's status until Ctrl-C: / (status page with charts over the last hour), "
                + "/metrics (Prometheus, kafka-lag-exporter names + tributary_*), /health (503 when a stage is STOP or ERR).",
                "Finds a running ./tributary run, demo or bench by itself; --bootstrap, --config and --set override."})
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port).",
            defaultValue = "8089")
    int port;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--group", paramLabel = "GROUP", description = "Consumer group to watch (repeatable; default: "
            + "the pipeline's groups).")
    List<String> groups;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Spark checkpoint of the micro-batch, for the "
            + "landing backlog (default: <data dir>/pipeline/spark-checkpoint when it exists).")
    String checkpoint;

    @Mixin
    StackLocation stack;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> explicit = new LinkedHashMap<>();
        if (bootstrap != null) {
            explicit.put(MonitorConfig.BOOTSTRAP, bootstrap);
        }
        if (groups != null && !groups.isEmpty()) {
            explicit.put(MonitorConfig.GROUPS, String.join(",", groups));
        }
        if (checkpoint != null) {
            explicit.put(MonitorConfig.CHECKPOINT, checkpoint);
        }
        MonitorConfig settings = MonitorSettings.resolve(config, stack, explicit);
        StatusServer server;
        try {
            server = StatusServer.start(PipelineStatusSources.connect(settings, Clock.systemUTC()), host, port);
        } catch (UncheckedIOException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tributary-status-shutdown"));
        var out = System.out;
        out.println("Status page   " + server.url());
        out.println("Metrics       " + server.url().resolve("/metrics"));
        out.println("Health        " + server.url().resolve("/health"));
        out.println("Watching Kafka " + settings.bootstrap() + ", groups " + settings.groups()
                + (settings.s3Bucket().isBlank() ? "" : ", landing s3://" + settings.s3Bucket() + "/"
                + settings.landingTopicsDir()) + (settings.jdbcUrl().isBlank() ? "" : ", warehouse "
                + settings.jdbcUrl()) + ". Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
        return 0;
    }
}
