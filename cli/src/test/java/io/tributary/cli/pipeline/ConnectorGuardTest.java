package io.tributary.cli.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.monitor.status.ProcessRow;
import io.tributary.stack.connect.ConnectRestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard against a stand-in for Connect's REST API that plays a worker's answers. */
class ConnectorGuardTest {
    private static final String VEHICLE = "s3-sink-vehicle-events";

    /** Per connector: ABSENT, RUNNING or FAILED, as the worker would report it. */
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> puts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> restarts = new ConcurrentHashMap<>();
    private final HttpServer worker = worker();
    private final ConnectorGuard guard = new ConnectorGuard(
            new ConnectRestClient("http://127.0.0.1:" + worker.getAddress().getPort()),
            SinkConnectors.of(new ConnectorsConfig(Map.of("connect.url", "http://unused", "s3.bucket", "b"))),
            Clock.systemUTC(), Duration.ofHours(1));

    @AfterEach
    void stop() {
        guard.close();
        worker.stop(0);
    }

    @Test
    void connectorARestartedWorkerForgotIsCreatedAgainAndCounted() {
        states.put(VEHICLE, "ABSENT");
        states.put("s3-sink-web-requests", "RUNNING");

        guard.check();

        assertThat(puts.get(VEHICLE).get()).isEqualTo(1);
        assertThat(row(VEHICLE)).satisfies(r -> {
            assertThat(r.restarts()).isEqualTo(1);
            assertThat(r.lastExit()).isEqualTo("created again (the worker did not know it)");
        });
        assertThat(row("s3-sink-web-requests").restarts()).isZero();
    }

    @Test
    void failedTaskIsRestartedUntilItFailsFiveTimesThenMarkedFailedWithItsTrace() {
        states.put(VEHICLE, "FAILED");
        states.put("s3-sink-web-requests", "RUNNING");

        for (int i = 0; i < 8; i++) {
            guard.check();
        }

        assertThat(restarts.get(VEHICLE).get()).isEqualTo(ConnectorGuard.MAX_RESTARTS - 1);
        assertThat(row(VEHICLE)).satisfies(r -> {
            assertThat(r.state()).isEqualTo(ProcessRow.FAILED);
            assertThat(r.failureLog()).contains("S3 unreachable");
        });
    }

    private ProcessRow row(String connector) {
        return guard.rows().stream().filter(r -> r.name().equals("connector " + connector)).findFirst().orElseThrow();
    }

    private HttpServer worker() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/connectors/", this::answer);
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        List<String> parts = List.of(exchange.getRequestURI().getPath().split("/"));
        String name = parts.get(2);
        String action = parts.size() > 3 ? parts.get(3) : "";
        String state = states.getOrDefault(name, "ABSENT");
        if (exchange.getRequestMethod().equals("PUT")) {
            puts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            states.put(name, "RUNNING");
            send(exchange, 201, "{}");
        } else if (exchange.getRequestMethod().equals("POST") && action.equals("restart")) {
            restarts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            send(exchange, 202, "{}");
        } else if (state.equals("ABSENT")) {
            send(exchange, 404, "{\"error_code\":404}");
        } else {
            String task = state.equals("FAILED") ? "{\"id\":0,\"state\":\"FAILED\",\"trace\":\"S3 unreachable\\n at x\"}"
                    : "{\"id\":0,\"state\":\"RUNNING\"}";
            send(exchange, 200, "{\"name\":\"" + name + "\",\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[" + task + "]}");
        }
    }

    private static void send(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(code, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
