package io.tributary.cli.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tributary.streams.app.StreamsApp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * What a running {@code tributary streams} tells about itself on 127.0.0.1: {@code /metrics} (Prometheus: lines per
 * topology and outcome, dead letters per reason), {@code /counts} (the same as JSON, which {@code run} and {@code demo}
 * read for their progress lines) and {@code /health} (200 while the application runs). The JDK's HttpServer: three
 * routes need no servlet container.
 */
final class StreamsMetricsServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final StreamsApp app;
    private final PrometheusRegistry registry = new PrometheusRegistry();

    private StreamsMetricsServer(HttpServer http, StreamsApp app) {
        this.http = http;
        this.app = app;
        registry.register(this::collect);
    }

    static StreamsMetricsServer start(StreamsApp app, int port) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve streams metrics on 127.0.0.1:" + port
                    + " (port in use? choose another with streams.metrics.port)", e);
        }
        var server = new StreamsMetricsServer(http, app);
        http.createContext("/metrics", server::metrics);
        http.createContext("/counts", server::counts);
        http.createContext("/health", server::health);
        http.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "tributary-streams-metrics");
            thread.setDaemon(true);
            return thread;
        }));
        http.start();
        return server;
    }

    int port() {
        return http.getAddress().getPort();
    }

    private void metrics(HttpExchange exchange) throws IOException {
        var out = new ByteArrayOutputStream();
        var writer = PrometheusTextFormatWriter.create();
        writer.write(out, registry.scrape());
        send(exchange, 200, writer.getContentType(), out.toByteArray());
    }

    private void counts(HttpExchange exchange) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("state", app.state().name());
        body.set("vehicle", JSON.valueToTree(app.vehicleLineCounts()));
        body.set("web", JSON.valueToTree(app.webLineCounts()));
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(body));
    }

    private void health(HttpExchange exchange) throws IOException {
        boolean running = app.state().isRunningOrRebalancing();
        send(exchange, running ? 200 : 503, "text/plain", app.state().name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private MetricSnapshots collect() {
        var lines = CounterSnapshot.builder().name("tributary_streams_lines")
                .help("Raw lines by topology and outcome (received = parsed + dead_lettered + duplicates + skipped_headers).");
        var deadLetters = CounterSnapshot.builder().name("tributary_streams_dead_letters")
                .help("Raw lines sent to the dead-letter topic, by topology and rejection code.");
        for (var topology : Map.of("vehicle", app.vehicleLineCounts(), "web", app.webLineCounts()).entrySet()) {
            StreamsApp.LineCounts c = topology.getValue();
            Map<String, Long> outcomes = Map.of("received", c.received(), "parsed", c.parsed(), "dead_lettered",
                    c.deadLettered(), "duplicates", c.duplicates(), "skipped_headers", c.skippedHeaders());
            outcomes.forEach((outcome, n) -> lines.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(Labels.of("topology", topology.getKey(), "outcome", outcome)).value(n).build()));
            c.deadLetteredByReason().forEach((reason, n) -> deadLetters.dataPoint(
                    CounterSnapshot.CounterDataPointSnapshot.builder()
                            .labels(Labels.of("topology", topology.getKey(), "reason", reason)).value(n).build()));
        }
        var up = GaugeSnapshot.builder().name("tributary_streams_running")
                .help("1 while the Kafka Streams application runs or rebalances.")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .value(app.state().isRunningOrRebalancing() ? 1 : 0).build());
        return MetricSnapshots.builder().metricSnapshot(lines.build()).metricSnapshot(deadLetters.build())
                .metricSnapshot(up.build()).build();
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
