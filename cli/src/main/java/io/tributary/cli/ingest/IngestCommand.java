package io.tributary.cli.ingest;

import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.stack.StackLocation;
import io.tributary.producers.http.HttpIngestServer;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tributary ingest --port N}: HTTP in front of the raw topics, for services without a Kafka client. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Accept logs over HTTP: POST /v1/logs/vehicle and /v1/logs/web (?site=NAME, or NDJSON "
                + "{\"site\",\"line\"}) with newline-delimited lines or NDJSON.",
                "Answers 202 after Kafka acknowledged every line, 400 naming the first bad line, 413 over "
                        + "--max-body, 503 when Kafka is unreachable. Runs until Ctrl-C.",
                "Send an Idempotency-Key header to retry a request safely: its lines keep their event ids and a "
                        + "retry adds no event."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    StackLocation stack;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "8088")
    int port;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).", defaultValue = "0.0.0.0")
    String host;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body (default: ${DEFAULT-VALUE}).",
            defaultValue = "4194304")
    long maxBody;

    @Option(names = "--threads", description = "Request threads (default: ${DEFAULT-VALUE}).", defaultValue = "16")
    int threads;

    @Override
    public Integer call() throws InterruptedException {
        // an unreachable Kafka must turn into a 503 within seconds, not the producer's two-minute defaults
        var settings = PublisherSettings.resolve(config, stack, bootstrap, Map.of(
                LogPublisherConfig.MAX_BLOCK_MS, "5000", LogPublisherConfig.DELIVERY_TIMEOUT_MS, "15000",
                LogPublisherConfig.LINGER_MS, "2", "publisher.producer.request.timeout.ms", "10000"));
        PrintWriter out = spec.commandLine().getOut();
        var stopped = new CountDownLatch(1);
        try (var publisher = new LogPublisher(settings);
             var server = HttpIngestServer.start(host, port, publisher, maxBody, Duration.ofSeconds(20), threads)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "ingest-shutdown"));
            out.printf("Listening on http://%s:%d%s and %s, publishing to %s. Ctrl-C to stop.%n", host, server.port(),
                    HttpIngestServer.VEHICLE_PATH, HttpIngestServer.WEB_PATH,
                    settings.getString(LogPublisherConfig.BOOTSTRAP_SERVERS));
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
