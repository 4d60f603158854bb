package io.tributary.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.streams.app.StreamsApp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the counters of a running {@code tributary streams} process from its {@code /counts}. The counters live in
 * that process: after a restart they start again from zero, so they serve progress lines, never completeness checks
 * (those read the warehouse and the dead-letter topic).
 */
public final class StreamsCounts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StreamsApp.LineCounts NONE = new StreamsApp.LineCounts(0, 0, 0, 0, 0, Map.of());

    /** Both topologies' counters, and the application's state. */
    public record Snapshot(String state, StreamsApp.LineCounts vehicle, StreamsApp.LineCounts web) {
        public static final Snapshot UNKNOWN = new Snapshot("UNKNOWN", NONE, NONE);
    }

    private final URI counts;
    private final URI health;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Snapshot last = Snapshot.UNKNOWN;

    public StreamsCounts(int port) {
        this.counts = URI.create("http://127.0.0.1:" + port + "/counts");
        this.health = URI.create("http://127.0.0.1:" + port + "/health");
    }

    /** The newest counters; the last ones read while the process does not answer (it may be restarting). */
    public Snapshot read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(counts).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode body = JSON.readTree(response.body());
                last = new Snapshot(body.path("state").asText(), lineCounts(body.path("vehicle")),
                        lineCounts(body.path("web")));
            }
        } catch (IOException e) {
            // not answering: keep the last counters
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last;
    }

    /** True when the application answers that it runs (the readiness probe of its process). */
    public boolean running() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private static StreamsApp.LineCounts lineCounts(JsonNode node) {
        Map<String, Long> byReason = new TreeMap<>();
        node.path("deadLetteredByReason").fields().forEachRemaining(e -> byReason.put(e.getKey(), e.getValue().asLong()));
        return new StreamsApp.LineCounts(node.path("received").asLong(), node.path("parsed").asLong(),
                node.path("deadLettered").asLong(), node.path("duplicates").asLong(),
                node.path("skippedHeaders").asLong(), byReason);
    }
}
