package io.tributary.cli.monitor;

import io.tributary.events.LandingLayout;
import io.tributary.monitor.MonitorConfig;
import io.tributary.monitor.lag.LagStatus;
import io.tributary.monitor.status.PipelineStatusSources;
import io.tributary.monitor.status.StageStatus;
import io.tributary.monitor.status.StatusServer;
import io.tributary.monitor.status.StatusSnapshot;
import io.tributary.monitor.warehouse.TableFreshness;
import io.tributary.stack.PipelineStacks;
import io.tributary.stack.StackEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The status sources against the real stack: S3 landing zone + Spark checkpoint log, PostgreSQL ledger, Kafka. */
class PipelineStatusSourcesIT {

    @Test
    void backlogFreshnessBatchesAndQuarantineComeFromTheRealStores(@TempDir Path checkpoint) throws Exception {
        StackEndpoints endpoints = PipelineStacks.shared().endpoints();
        String topicsDir = "status-it-" + System.nanoTime();
        LocalDate day = LocalDate.of(2026, 1, 1);
        String processed = LandingLayout.objectKey(topicsDir, "vehicle.events", day, 0, 0, LandingLayout.JSONL_GZ);
        String pending1 = LandingLayout.objectKey(topicsDir, "vehicle.events", day, 0, 100, LandingLayout.JSONL_GZ);
        String pending2 = LandingLayout.objectKey(topicsDir, "vehicle.events", day, 1, 0, LandingLayout.JSONL_GZ);
        try (S3Client s3 = s3(endpoints)) {
            s3.putObject(b -> b.bucket(endpoints.bucket()).key(processed), RequestBody.fromString("a".repeat(10)));
            s3.putObject(b -> b.bucket(endpoints.bucket()).key(pending1), RequestBody.fromString("b".repeat(100)));
            s3.putObject(b -> b.bucket(endpoints.bucket()).key(pending2), RequestBody.fromString("c".repeat(1000)));
        }
        // Spark's file-source log: "v1" then one JSON entry per processed file (path URI-escaped by Spark)
        Path log = Files.createDirectories(checkpoint.resolve("sources").resolve("0"));
        Files.writeString(log.resolve("0"), "v1\n{\"path\":\"s3a://" + endpoints.bucket() + "/"
                + processed.replace("=", "%3D") + "\",\"timestamp\":1,\"batchId\":0}\n");

        // a database of its own, with the ledger tables as in redshift-loader's V001: the shared warehouse is untouched
        String database = "status_it_" + System.nanoTime();
        try (var admin = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(),
                endpoints.jdbcPassword()); var st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        String jdbcUrl = withDatabase(endpoints.jdbcUrl(), database);
        try (var connection = DriverManager.getConnection(jdbcUrl, endpoints.jdbcUser(),
                endpoints.jdbcPassword()); var st = connection.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            st.execute("CREATE SCHEMA tributary");
            st.execute("CREATE SCHEMA tributary_meta");
            st.execute("CREATE TABLE tributary.log_functions_analysis (call_id VARCHAR(128) PRIMARY KEY, "
                    + "vehicle_id VARCHAR(256) NOT NULL, function_name VARCHAR(256) NOT NULL, start_time TIMESTAMP NOT "
                    + "NULL, end_time TIMESTAMP NOT NULL, duration DECIMAL(18,6) NOT NULL, call_depth INTEGER NOT NULL, "
                    + "event_date DATE, load_batch_id VARCHAR(256) NOT NULL, loaded_at TIMESTAMPTZ NOT NULL)");
            st.execute("CREATE TABLE tributary_meta.quarantine (reason VARCHAR(64) NOT NULL, event_id VARCHAR(128), "
                    + "load_batch_id VARCHAR(256) NOT NULL, quarantined_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            st.execute("CREATE TABLE tributary_meta.load_batches (table_name VARCHAR(128) NOT NULL, batch_id "
                    + "VARCHAR(256) NOT NULL, rows_upserted INTEGER NOT NULL, quarantined INTEGER NOT NULL, "
                    + "loaded_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (table_name, batch_id))");
            st.execute("INSERT INTO tributary_meta.load_batches VALUES ('log_functions_analysis', 'status-it-b1', 2, 1,"
                    + " now() - interval '10 seconds')");
            st.execute("INSERT INTO tributary.log_functions_analysis VALUES "
                    + "('c1', 'V1', 'f', now() - interval '72 seconds', now() - interval '70 seconds', 2, 0, "
                    + "current_date, 'status-it-b1', now() - interval '10 seconds'),"
                    + "('c2', 'V1', 'f', now() - interval '35 seconds', now() - interval '30 seconds', 5, 0, "
                    + "current_date, 'status-it-b1', now() - interval '10 seconds')"
                    );
            st.execute("INSERT INTO tributary_meta.quarantine (reason, load_batch_id) VALUES "
                    + "('unmatched_end', 'status-it-b1'), ('unmatched_end', 'status-it-b1'), ('late', 'status-it-b1')");
        }

        Map<String, String> props = new HashMap<>(endpoints.asProperties());
        props.keySet().retainAll(MonitorConfig.CONFIG_DEF.names());
        props.put(MonitorConfig.LANDING_TOPICS_DIR, topicsDir);
        props.put(MonitorConfig.JDBC_URL, jdbcUrl);
        props.put(MonitorConfig.CHECKPOINT, checkpoint.toString());
        props.put(MonitorConfig.GROUPS, "status-it-unknown-group");
        props.put(MonitorConfig.POLL_INTERVAL_MS, "500");
        props.put(MonitorConfig.TIMEOUT_MS, "5000");
        try (StatusServer server = StatusServer.start(PipelineStatusSources.connect(new MonitorConfig(props),
                Clock.systemUTC()), 0)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> server.latest() != null);
            StatusSnapshot snapshot = server.latest();

            assertThat(snapshot.landing().landedObjects()).isEqualTo(3);
            assertThat(snapshot.landing().objects()).isEqualTo(2);
            assertThat(snapshot.landing().bytes()).isEqualTo(1100);

            TableFreshness calls = snapshot.warehouse().tables().get(0);
            assertThat(calls.table()).isEqualTo("log_functions_analysis");
            assertThat(calls.freshnessSeconds()).isBetween(29.0, 60.0);
            assertThat(calls.latencyP50Seconds()).isBetween(35.0, 45.0);
            assertThat(calls.latencyP95Seconds()).isBetween(55.0, 61.0);
            assertThat(calls.lastBatchId()).isEqualTo("status-it-b1");
            assertThat(calls.lastBatchRows()).isEqualTo(2);
            assertThat(snapshot.warehouse().quarantineByReason()).containsEntry("unmatched_end", 2L)
                    .containsEntry("late", 1L);

            // an unknown group is the one failing stage, named with what to check; /health says so
            assertThat(snapshot.stages()).filteredOn(s -> s.status() == LagStatus.ERR).extracting(StageStatus::detail)
                    .singleElement().asString().contains("'status-it-unknown-group' is unknown");
            assertThat(snapshot.stages()).extracting(StageStatus::stage)
                    .containsSubsequence("group status-it-unknown-group", "landing -> spark", "warehouse");
            var health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    server.url().resolve("/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
        }
    }

    /** jdbc:postgresql://host:port/db?params -> the same URL naming {@code database}. */
    private static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static S3Client s3(StackEndpoints endpoints) {
        return S3Client.builder().region(Region.of(endpoints.s3Region())).forcePathStyle(true)
                .endpointOverride(URI.create(endpoints.s3Endpoint()))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoints.s3AccessKey(), endpoints.s3SecretKey())))
                .build();
    }
}
