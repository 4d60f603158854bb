package io.tributary.monitor.status;

import io.tributary.monitor.lag.LagStatus;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatusServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ScriptedSources sources;
    private static StatusServer server;

    @BeforeAll
    static void startServer() {
        sources = new ScriptedSources();
        server = StatusServer.start(sources, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> sources.samples() >= 3);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsParseAsPrometheusTextWithKafkaLagExporterAndTributaryNames() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");

        Map<String, MetricFamily> families = new LinkedHashMap<>();
        var parser = new TextPrometheusMetricDataParser(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
            families.put(family.getName(), family);
        }
        assertThat(families).containsKeys("kafka_consumergroup_group_lag", "kafka_consumergroup_group_lag_seconds",
                "kafka_consumergroup_group_max_lag", "kafka_consumergroup_group_max_lag_seconds",
                "kafka_consumergroup_group_sum_lag", "kafka_consumergroup_group_topic_sum_lag",
                "kafka_consumergroup_group_offset", "kafka_partition_latest_offset",
                "tributary_consumergroup_status", "tributary_stage_status", "tributary_landing_backlog_objects",
                "tributary_landing_backlog_bytes", "tributary_landing_backlog_oldest_age_seconds",
                "tributary_warehouse_freshness_seconds", "tributary_warehouse_latency_p95_seconds",
                "tributary_warehouse_last_batch_rows", "tributary_quarantine_rows", "tributary_dlq_records");

        var lag = families.get("kafka_consumergroup_group_lag").getMetrics();
        assertThat(lag).hasSize(4);
        assertThat(lag.get(0).getLabels()).containsKeys("cluster_name", "group", "topic", "partition",
                "member_host", "consumer_id", "client_id").containsEntry("cluster_name", "test-cluster");
        var sinkLag = lag.stream().filter(m -> m.getLabels().get("group").equals("connect-s3-sink-vehicle-events"))
                .map(m -> ((Gauge) m).getValue()).toList();
        assertThat(sinkLag).allMatch(v -> v > 300);
        assertThat(families.get("tributary_dlq_records").getMetrics()).extracting(m -> m.getLabels().get("reason"))
                .containsExactlyInAnyOrder("Cannot parse timestamp <value> in <record>", "empty line");
    }

    @Test
    void healthTurnsNon200WhenAStageIsStopAndBackWhenItRecovers() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        sources.sinkStatus.set(LagStatus.STOP);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/health").statusCode() == 503);
            assertThat(get("/health").body()).contains("\"status\":\"DOWN\"").contains("\"STOP\"");
        } finally {
            sources.sinkStatus.set(LagStatus.OK);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/health").statusCode() == 200);
    }

    @Test
    void restartsOfSupervisedProcessesShowInTheApiAndMetricsAndAFailedOneTurnsHealthDown() throws Exception {
        assertThat(get("/api/status").body()).contains("\"process\":\"kafka\"").contains("\"restarts\":1")
                .contains("\"last_exit\":\"killed (SIGKILL, exit 137)\"");
        Map<String, MetricFamily> families = new LinkedHashMap<>();
        var parser = new TextPrometheusMetricDataParser(
                new ByteArrayInputStream(get("/metrics").body().getBytes(StandardCharsets.UTF_8)));
        for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
            families.put(family.getName(), family);
        }
        assertThat(families.get("tributary_process_restarts").getMetrics())
                .extracting(m -> m.getLabels().get("process") + "=" + ((Gauge) m).getValue())
                .containsExactly("kafka=1.0", "streams=0.0");
        assertThat(get("/health").statusCode()).isEqualTo(200);

        var healthy = sources.processes.get();
        sources.processes.set(List.of(healthy.get(0), new ProcessRow("streams", ProcessRow.FAILED, 4343, 4,
                "exited with code 1", Instant.now(), Instant.now(), "NegativeArraySizeException at ...")));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/health").statusCode() == 503);
            assertThat(get("/health").body()).contains("\"state\":\"FAILED\"")
                    .contains("NegativeArraySizeException");
        } finally {
            sources.processes.set(healthy);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/health").statusCode() == 200);
    }

    @Test
    void pageAndItsChartLibraryAreServedFromTheJar() throws Exception {
        assertThat(get("/").body()).contains("<canvas id=\"lag_records\"").contains("/static/chart.umd.js");
        HttpResponse<String> chartJs = get("/static/chart.umd.js");
        assertThat(chartJs.statusCode()).isEqualTo(200);
        assertThat(chartJs.body()).contains("Chart.js v4");
        assertThat(get("/api/status").body()).contains("\"lag_records\"").contains("\"times\"");
    }
}
