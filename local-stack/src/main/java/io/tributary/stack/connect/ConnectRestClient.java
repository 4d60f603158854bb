package io.tributary.stack.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The few calls of the Kafka Connect REST API the pipeline needs (java.net.http + Jackson). */
public final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    public ConnectRestClient(String url) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** GET / answers 200 (the worker's REST server is up and it has joined its Kafka cluster). */
    public boolean isUp() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(2)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** Creates or updates a connector (PUT /connectors/{name}/config); the worker adds {@code name} itself. */
    public void putConnector(String name, Map<String, String> config) {
        String body;
        try {
            body = JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(connectorUri(name, "config"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            // The body lists the failed validations; the request body may hold secrets and is not repeated here.
            throw new ConnectRestException("PUT connector " + name + " failed with HTTP " + response.statusCode() + ": "
                + response.body());
        }
    }

    /** The connector's config as the worker holds it, or empty when there is no such connector. */
    public Optional<Map<String, String>> connectorConfig(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(connectorUri(name, "config"))
            .timeout(REQUEST_TIMEOUT).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new ConnectRestException("GET config of " + name + " failed with HTTP " + response.statusCode()
                + ": " + response.body());
        }
        try {
            Map<String, String> config = new TreeMap<>();
            JSON.readTree(response.body()).fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            return Optional.of(config);
        } catch (IOException e) {
            throw new ConnectRestException("cannot parse the config of " + name, e);
        }
    }

    /** Restarts the connector's failed instance and failed tasks (Connect 3.0+), leaving running ones alone. */
    public void restartFailed(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(connectorUri(name, "restart") + "?includeTasks=true&onlyFailed=true"))
            .timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200 && response.statusCode() != 202 && response.statusCode() != 204) {
            throw new ConnectRestException("restart of " + name + " failed with HTTP " + response.statusCode() + ": "
                + response.body());
        }
    }

    public void deleteConnector(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(connectorUri(name, "")).timeout(REQUEST_TIMEOUT)
            .DELETE().build());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new ConnectRestException("DELETE connector " + name + " failed with HTTP " + response.statusCode()
                + ": " + response.body());
        }
    }

    /** The connector state (RUNNING, FAILED, …), or {@link ConnectorStatus#ABSENT}. */
    public String connectorState(String name) {
        return status(name).state();
    }

    public ConnectorStatus status(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(connectorUri(name, "status"))
            .timeout(REQUEST_TIMEOUT).GET().build());
        if (response.statusCode() == 404) {
            return ConnectorStatus.absent(name);
        }
        if (response.statusCode() != 200) {
            throw new ConnectRestException("GET status of " + name + " failed with HTTP " + response.statusCode() + ": "
                + response.body());
        }
        try {
            JsonNode root = JSON.readTree(response.body());
            List<ConnectorStatus.Task> tasks = new ArrayList<>();
            for (JsonNode task : root.path("tasks")) {
                tasks.add(new ConnectorStatus.Task(task.path("id").asInt(), task.path("state").asText(),
                    task.hasNonNull("trace") ? task.get("trace").asText() : null));
            }
            JsonNode connector = root.path("connector");
            return new ConnectorStatus(name, connector.path("state").asText(),
                connector.hasNonNull("trace") ? connector.get("trace").asText() : null, tasks);
        } catch (IOException e) {
            throw new ConnectRestException("cannot parse status of " + name + ": " + response.body(), e);
        }
    }

    /** Waits until the connector and all its tasks run; fails at once with the trace when one of them failed. */
    public ConnectorStatus awaitRunning(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectorStatus status = status(name);
        while (!status.isRunning()) {
            if (status.hasFailed()) {
                throw new ConnectRestException("connector " + name + " failed: " + status.firstTrace());
            }
            if (System.nanoTime() > deadline) {
                throw new ConnectRestException("connector " + name + " not running after " + timeout.toSeconds()
                    + " s: " + status);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectRestException("interrupted while waiting for connector " + name, e);
            }
            status = status(name);
        }
        return status;
    }

    private URI connectorUri(String name, String suffix) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return base.resolve("connectors/" + encoded + (suffix.isEmpty() ? "" : "/" + suffix));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectRestException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectRestException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }
}
