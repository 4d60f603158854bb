package io.tributary.cli.stage;

import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StageConfigs;
import io.tributary.cli.stack.Reachability;
import io.tributary.cli.stack.StackLocation;
import io.tributary.config.KafkaClientConfig;
import io.tributary.streams.app.StreamsApp;
import io.tributary.streams.app.StreamsAppConfig;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tributary streams}: the Kafka Streams application (vehicle and web topologies) as a long-running process. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Run the Kafka Streams application: vehicle.logs.raw -> vehicle.events and web.logs.raw -> "
                + "web.requests (exactly once), bad lines to tributary.dlq with their reason. Runs until Ctrl-C or "
                + "SIGTERM, which commit what was processed.",
                "Reads the one configuration (kafka.*, streams.*, vehicle.*, web.*; file < TRIBUTARY_ environment < "
                        + "--set), over the running local stack's Kafka. Every Kafka client security setting "
                        + "(kafka.security.protocol, kafka.sasl.*, kafka.ssl.*) reaches every client of the app.",
                "Creates the pipeline's topics that are missing (streams.topic.partitions, streams.replication.factor)."
                        + " With streams.metrics.port it serves /metrics, /counts and /health on 127.0.0.1.",
                "Exit code 130/143 after Ctrl-C/SIGTERM (the JVM's code for the signal, once the app committed "
                        + "and closed), 1 when the application fails, 2 on bad configuration or an unreachable Kafka."})
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    StackLocation stack;

    @Spec
    CommandSpec spec;

    @Option(names = "--progress", description = "Interval of the progress line, e.g. 30s (default: ${DEFAULT-VALUE}).",
            defaultValue = "30s", converter = io.tributary.cli.DurationConverter.class)
    Duration progress;

    private volatile boolean stopping;

    @Override
    public Integer call() throws InterruptedException {
        var props = StageConfigs.resolve(config, stack.endpointDefaults(), List.of(StreamsAppConfig.CONFIG_DEF));
        StageConfigs.require(props, KafkaClientConfig.BOOTSTRAP_SERVERS, "Kafka");
        StreamsAppConfig settings = new StreamsAppConfig(props);
        Reachability.requireKafka(KafkaClientConfig.clientProperties(settings));
        var out = spec.commandLine().getOut();
        try (Admin admin = Admin.create(KafkaClientConfig.clientProperties(settings))) {
            var created = StreamsApp.createTopics(admin, settings.topicPartitions(), settings.replicationFactor());
            if (!created.isEmpty()) {
                out.println("created topics " + created);
            }
        } catch (IllegalStateException e) {
            throw new UserFacingException(e.getMessage(), e, 1);
        }
        StreamsApp app;
        try {
            app = StreamsApp.start(settings);
        } catch (IllegalStateException e) {
            throw new UserFacingException(e.getMessage(), e, 1);
        }
        StreamsMetricsServer metrics = settings.metricsPort() < 0 ? null
                : StreamsMetricsServer.start(app, settings.metricsPort());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            if (metrics != null) {
                metrics.close();
            }
            app.close();
            System.out.println("Kafka Streams " + settings.applicationId() + " stopped: processed lines committed");
            System.out.flush();
            stopped.countDown();
        }, "tributary-streams-shutdown"));
        out.printf("Kafka Streams %s running on %s%s. Ctrl-C to stop.%n", settings.applicationId(),
                settings.getString(KafkaClientConfig.BOOTSTRAP_SERVERS),
                metrics == null ? "" : ", metrics on http://127.0.0.1:" + metrics.port() + "/metrics");
        out.flush();
        return watch(app, out, stopped);
    }

    /** Prints progress until the app is stopped (0) or fails on its own (1). */
    private int watch(StreamsApp app, java.io.PrintWriter out, CountDownLatch stopped) throws InterruptedException {
        long nextLine = System.nanoTime() + progress.toNanos();
        long lastReceived = 0;
        long lastAt = System.nanoTime();
        while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            if (!stopping && !app.isAlive()) {
                spec.commandLine().getErr().println("tributary: Kafka Streams " + app.state()
                        + " after an unrecoverable error (see the log above); exiting so a supervisor restarts it");
                return 1;
            }
            if (System.nanoTime() >= nextLine) {
                var vehicle = app.vehicleLineCounts();
                var web = app.webLineCounts();
                long received = vehicle.received() + web.received();
                double seconds = (System.nanoTime() - lastAt) / 1e9;
                out.printf(Locale.ROOT, "streams %s: vehicle lines %,d (parsed %,d, dlq %,d, duplicates %,d) | web lines"
                                + " %,d (parsed %,d, dlq %,d, duplicates %,d) | %,.0f lines/s%n", app.state(),
                        vehicle.received(), vehicle.parsed(), vehicle.deadLettered(), vehicle.duplicates(),
                        web.received(), web.parsed(), web.deadLettered(), web.duplicates(),
                        (received - lastReceived) / Math.max(0.001, seconds));
                out.flush();
                lastReceived = received;
                lastAt = System.nanoTime();
                nextLine = lastAt + progress.toNanos();
            }
        }
        return 0;
    }
}
