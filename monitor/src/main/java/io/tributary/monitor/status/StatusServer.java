package io.tributary.monitor.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tributary.monitor.lag.LagJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The status server: {@code /} (status page with charts), {@code /metrics} (Prometheus text format),
 * {@code /health} (JSON; 503 when any stage is STOP or ERR, or before the first sample), {@code /api/status}
 * (what the page draws). It samples its {@link StatusSources} every poll interval on its own thread.
 * The JDK's HttpServer serves: a handful of routes on localhost need no servlet container.
 */
public final class StatusServer implements AutoCloseable {
    /** Chart.js's UMD bundle inside the org.webjars.npm:chart.js jar. */
    static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StatusSources sources;
    private final HttpServer http;
    private final ScheduledExecutorService sampler;
    private final AtomicReference<StatusSnapshot> latest = new AtomicReference<>();
    private final StatusHistory history = new StatusHistory(Duration.ofHours(1));
    private final PrometheusRegistry registry = new PrometheusRegistry();

    private StatusServer(StatusSources sources, HttpServer http) {
        this.sources = sources;
        this.http = http;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tributary-status-sampler");
            t.setDaemon(true);
            return t;
        });
        registry.register(new StatusMetrics(latest::get, sources.clusterName()));
    }

    /**
     * Starts serving on 127.0.0.1:{@code port} (0 = any free port) and sampling {@code sources}; closing the server
     * closes the sources.
     */
    public static StatusServer start(StatusSources sources, int port) {
        return start(sources, "127.0.0.1", port);
    }

    public static StatusServer start(StatusSources sources, String host, int port) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port
                    + " (port in use? choose another with --port)", e);
        }
        var server = new StatusServer(sources, http);
        server.routes();
        http.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tributary-status-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        server.sampler.scheduleWithFixedDelay(server::sample, 0, sources.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("status server at {}", server.url());
        return server;
    }

    public URI url() {
        return URI.create("http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort() + "/");
    }

    /** The newest snapshot, null before the first sample. */
    public StatusSnapshot latest() {
        return latest.get();
    }

    private void sample() {
        try {
            StatusSnapshot snapshot = sources.collect();
            latest.set(snapshot);
            history.add(snapshot);
        } catch (RuntimeException e) {
            LOG.warn("status sample failed: {}", e.toString(), e);
        }
    }

    private void routes() {
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/", "/index.html" -> resource(exchange, "index.html", "text/html; charset=utf-8");
                case "/static/status.js" -> resource(exchange, "status.js", "text/javascript; charset=utf-8");
                case "/static/chart.umd.js" -> send(exchange, 200, "text/javascript; charset=utf-8",
                        read(StatusServer.class.getResourceAsStream(CHART_JS), CHART_JS));
                default -> send(exchange, 404, "text/plain", ("not found: " + path).getBytes(StandardCharsets.UTF_8));
            }
        });
        http.createContext("/metrics", exchange -> {
            var out = new ByteArrayOutputStream();
            var writer = PrometheusTextFormatWriter.create();
            writer.write(out, registry.scrape());
            send(exchange, 200, writer.getContentType(), out.toByteArray());
        });
        http.createContext("/health", exchange -> {
            StatusSnapshot snapshot = latest.get();
            ObjectNode body = MAPPER.createObjectNode();
            boolean healthy = snapshot != null && !snapshot.failing();
            body.put("status", snapshot == null ? "STARTING" : healthy ? "UP" : "DOWN");
            var stages = body.putArray("stages");
            for (StageStatus stage : snapshot == null ? List.<StageStatus>of() : snapshot.stages()) {
                stages.addObject().put("stage", stage.stage()).put("status", stage.status().name())
                        .put("detail", stage.detail());
            }
            if (snapshot != null) {
                body.set("processes", processes(snapshot.processes()));
            }
            send(exchange, healthy ? 200 : 503, "application/json", MAPPER.writeValueAsBytes(body));
        });
        http.createContext("/api/status", exchange -> {
            StatusSnapshot snapshot = latest.get();
            ObjectNode body = MAPPER.createObjectNode();
            body.put("at", snapshot == null ? null : snapshot.at().toString());
            var stages = body.putArray("stages");
            if (snapshot != null) {
                snapshot.stages().forEach(stage -> stages.addObject().put("stage", stage.stage())
                        .put("status", stage.status().name()).put("detail", stage.detail()));
                body.set("lag", LagJson.toJson(snapshot.groups()));
                body.set("processes", processes(snapshot.processes()));
            }
            body.set("history", history.toJson());
            send(exchange, 200, "application/json", MAPPER.writeValueAsBytes(body));
        });
    }

    private static ArrayNode processes(List<ProcessRow> rows) {
        ArrayNode array = MAPPER.createArrayNode();
        for (ProcessRow row : rows) {
            array.addObject().put("process", row.name()).put("state", row.state()).put("pid", row.pid())
                    .put("restarts", row.restarts()).put("last_exit", row.lastExit())
                    .put("last_exit_at", row.lastExitAt() == null ? null : row.lastExitAt().toString())
                    .put("since", row.since() == null ? null : row.since().toString())
                    .put("failure_log", row.failureLog());
        }
        return array;
    }

    private static void resource(HttpExchange exchange, String name, String type) throws IOException {
        send(exchange, 200, type, read(StatusServer.class.getResourceAsStream(name), name));
    }

    private static byte[] read(InputStream in, String name) throws IOException {
        if (in == null) {
            throw new IOException("resource " + name + " is missing from the jar");
        }
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(code, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sources.close();
    }
}
