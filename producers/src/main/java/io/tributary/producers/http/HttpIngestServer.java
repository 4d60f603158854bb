package io.tributary.producers.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.events.RawHeaders;
import io.tributary.events.Topics;
import io.tributary.producers.publish.LogPublisher;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP ingest for services that cannot embed a Kafka client: {@code POST /v1/logs/vehicle} and {@code /v1/logs/web}
 * with newline-delimited lines or NDJSON. Answers 202 only after Kafka acknowledged every line; 400 naming the first
 * bad line (nothing published); 413 over the size limit; 503 when Kafka does not acknowledge in time.
 *
 * <p>Retries: a client that sends an {@code Idempotency-Key} header may retry a request (after a 503, a timeout, a
 * dropped connection) without doubling anything: its lines carry {@code source=http-ingest:<key>} and
 * {@code seq=<line index>}, so a re-sent line gets the same event id and the stream processors drop it as a
 * duplicate. Without the header every request is new, and a retried one is published again as new events.
 * Built on the JDK's {@code com.sun.net.httpserver}: two endpoints do not justify a server dependency.
 */
public final class HttpIngestServer implements AutoCloseable {
    public static final String VEHICLE_PATH = "/v1/logs/vehicle";
    public static final String WEB_PATH = "/v1/logs/web";
    public static final String SOURCE = "http-ingest";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final java.util.regex.Pattern VALID_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger LOG = LoggerFactory.getLogger(HttpIngestServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final LogPublisher publisher;
    private final long maxBodyBytes;
    private final Duration ackTimeout;

    private HttpIngestServer(HttpServer server, ExecutorService executor, LogPublisher publisher, long maxBodyBytes,
                             Duration ackTimeout) {
        this.server = server;
        this.executor = executor;
        this.publisher = publisher;
        this.maxBodyBytes = maxBodyBytes;
        this.ackTimeout = ackTimeout;
    }

    /**
     * @param port       0 = any free port ({@link #port()} tells which)
     * @param ackTimeout how long a request waits for Kafka's acknowledgement before answering 503
     */
    public static HttpIngestServer start(String host, int port, LogPublisher publisher, long maxBodyBytes,
                                         Duration ackTimeout, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                var thread = new Thread(r, "http-ingest");
                thread.setDaemon(true);
                return thread;
            });
            var ingest = new HttpIngestServer(server, executor, publisher, maxBodyBytes, ackTimeout);
            server.createContext(VEHICLE_PATH, exchange -> ingest.handle(exchange, true));
            server.createContext(WEB_PATH, exchange -> ingest.handle(exchange, false));
            server.setExecutor(executor);
            server.start();
            LOG.info("HTTP ingest listening on {}:{}", host, server.getAddress().getPort());
            return ingest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, boolean vehicle) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals(vehicle ? VEHICLE_PATH : WEB_PATH)) {
                respond(exchange, 404, "{\"error\":\"no such endpoint: " + json(path) + "\"}");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, "{\"error\":\"use POST\"}");
                return;
            }
            String idempotencyKey = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
            if (idempotencyKey != null && !VALID_KEY.matcher(idempotencyKey).matches()) {
                respond(exchange, 400, "{\"error\":\"" + IDEMPOTENCY_KEY + " must be 1 to 128 characters of "
                        + "A-Z a-z 0-9 . _ : -\",\"published\":0}");
                return;
            }
            byte[] body = readBody(exchange);
            if (body == null) {
                respond(exchange, 413, "{\"error\":\"request body over " + maxBodyBytes + " bytes; split it\"}");
                return;
            }
            List<IngestLines.Line> lines;
            try {
                String text = new String(body, StandardCharsets.UTF_8);
                lines = vehicle ? IngestLines.vehicle(text) : IngestLines.web(text, query(exchange, "site"));
            } catch (IngestLines.BadLine e) {
                respond(exchange, 400, "{\"error\":\"" + json(e.getMessage()) + "\",\"published\":0}");
                return;
            }
            publish(exchange, vehicle ? Topics.VEHICLE_LOGS_RAW : Topics.WEB_LOGS_RAW, lines, idempotencyKey);
        }
    }

    private void publish(HttpExchange exchange, String topic, List<IngestLines.Line> lines, String idempotencyKey)
            throws IOException {
        var futures = new ArrayList<CompletableFuture<?>>(lines.size());
        var plain = Map.of(RawHeaders.SOURCE, SOURCE);
        for (int i = 0; i < lines.size(); i++) {
            IngestLines.Line line = lines.get(i);
            var headers = idempotencyKey == null ? plain
                    : Map.of(RawHeaders.SOURCE, SOURCE + ":" + idempotencyKey, RawHeaders.SEQ, Integer.toString(i));
            futures.add(publisher.publish(topic, line.key(), line.value(), headers));
        }
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            respond(exchange, 202, "{\"accepted\":" + lines.size() + ",\"topic\":\"" + topic + "\"}");
        } catch (TimeoutException e) {
            unavailable(exchange, "Kafka did not acknowledge within " + ackTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RetriableException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                unavailable(exchange, cause.getMessage());
            } else {
                LOG.error("Publishing to {} failed", topic, cause);
                respond(exchange, 500, "{\"error\":\"" + json(String.valueOf(cause.getMessage())) + "\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(exchange, "server shutting down");
        }
    }

    private static void unavailable(HttpExchange exchange, String why) throws IOException {
        exchange.getResponseHeaders().add("Retry-After", "5");
        respond(exchange, 503, "{\"error\":\"Kafka unavailable: " + json(why) + "; retry later\"}");
    }

    /** The body, or null when it is larger than the limit (read no further than limit + 1 bytes). */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && Long.parseLong(length.trim()) > maxBodyBytes) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            return body.length > maxBodyBytes ? null : body;
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Stops accepting requests, lets running ones finish (up to 5 s), then flushes the publisher. */
    @Override
    public void close() {
        server.stop(5);
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.flush();
    }
}
