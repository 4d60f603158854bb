package io.tributary.cli.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The process rows of a status page, read the way a person's browser reads them: {@code GET /api/status}. */
final class StatusPageProcesses {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row: state, pid and restarts of a process. */
    record Row(String process, String state, long pid, int restarts, String lastExit) {
    }

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StatusPageProcesses(URI statusPage) {
        this.api = statusPage.resolve("/api/status");
    }

    /** The row of {@code process}, empty when the page does not answer or does not list it. */
    Optional<Row> row(String process) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode row : JSON.readTree(response.body()).path("processes")) {
                if (row.path("process").asText().equals(process)) {
                    return Optional.of(new Row(process, row.path("state").asText(), row.path("pid").asLong(),
                            row.path("restarts").asInt(), row.path("last_exit").asText(null)));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
