package io.tributary.batch.job;

import io.tributary.batch.BatchMain;
import io.tributary.batch.config.BatchConfig;
import io.tributary.batch.lake.LakePaths;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.tributary.batch.job.LandingFiles.event;
import static io.tributary.events.EventType.END;
import static io.tributary.events.EventType.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole micro-batch in Spark local mode: landing files on local disk, a real PostgreSQL as the warehouse. */
class BatchJobIT {
    private static final LocalDate DAY = LocalDate.parse("2020-01-01");

    private static EmbeddedPostgres postgres;
    private static SparkSession spark;

    @TempDir
    static Path lake;
    @TempDir
    static Path checkpoints;

    @BeforeAll
    static void startServers() throws Exception {
        postgres = EmbeddedPostgres.start();
        spark = SparkSessions.forBatch(config(checkpoints.resolve("unused")));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void callOpenedInOneRunIsClosedByAnEndLandedBeforeTheNextRunFromTheSameCheckpoint() throws Exception {
        BatchConfig config = config(checkpoints.resolve("calls"));
        LandingFiles.write(lake, DAY, 0, List.of(
                event("v1-s1", "V1", "lidar_fusion", START, "2020-01-01T08:00:00.123456Z"),
                event("v1-s2", "V1", "lidar_fusion", START, "2020-01-01T08:00:01.000001Z"),
                event("v1-e2", "V1", "lidar_fusion", END, "2020-01-01T08:00:02.500000Z"),
                event("v1-e1", "V1", "lidar_fusion", END, "2020-01-01T08:00:03.000000Z"),
                event("v1-s3", "V1", "lidar_fusion", START, "2020-01-01T08:00:04.000000Z"),
                event("v1-s1", "V1", "lidar_fusion", START, "2020-01-01T08:00:00.123456Z"),
                event("v1-orphan", "V1", "planner", END, "2020-01-01T08:00:00.500000Z"),
                "this line is not json"));
        LandingFiles.write(lake, DAY, 6, List.of(
                event("v2-s1", "V2", "lidar_fusion", START, "2020-01-01T08:10:00.000000Z"),
                event("v2-e1", "V2", "lidar_fusion", END, "2020-01-01T08:10:00.250000Z")));

        List<BatchOutcome> first = new BatchJob(config, spark).run();

        assertThat(first).hasSize(1);
        BatchOutcome batch = first.get(0);
        assertThat(List.of(batch.inputEvents(), batch.calls(), batch.quarantined(), batch.duplicates()))
                .containsExactly(10, 3, 2, 1);
        assertThat(calls()).containsExactly(
                new CallRow("v1-s1", "V1", "lidar_fusion", "2020-01-01T08:00:00.123456", "2020-01-01T08:00:03",
                        "2.876544", 0),
                new CallRow("v1-s2", "V1", "lidar_fusion", "2020-01-01T08:00:01.000001", "2020-01-01T08:00:02.500",
                        "1.499999", 1),
                new CallRow("v2-s1", "V2", "lidar_fusion", "2020-01-01T08:10", "2020-01-01T08:10:00.250",
                        "0.250000", 0));
        assertThat(quarantine()).containsExactly("malformed:null", "unmatched_end:v1-orphan");
        assertLakeFilesOf(batch.loadBatchId());

        LandingFiles.write(lake, DAY, 8, List.of(
                event("v1-e3", "V1", "lidar_fusion", END, "2020-01-01T08:30:00.000000Z")));
        List<BatchOutcome> second = new BatchJob(config, spark).run();

        assertThat(second).extracting(BatchOutcome::inputEvents, BatchOutcome::calls, BatchOutcome::quarantined)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, 0));
        String queryId = batch.loadBatchId().substring(0, batch.loadBatchId().lastIndexOf('-'));
        assertThat(second.get(0).loadBatchId()).isEqualTo(queryId + "-1");
        assertThat(calls()).contains(new CallRow("v1-s3", "V1", "lidar_fusion", "2020-01-01T08:00:04",
                "2020-01-01T08:30", "1796.000000", 0)).hasSize(4);

        List<BatchOutcome> third = new BatchJob(config, spark).run();

        assertThat(third).isEmpty();
        assertThat(calls()).hasSize(4);
        assertThat(count("SELECT count(*) FROM tributary_meta.load_batches")).isEqualTo(2);
    }

    private void assertLakeFilesOf(String loadBatchId) throws Exception {
        Path staging = lake.resolve("staging/log_functions_analysis/batch=" + loadBatchId);
        try (Stream<Path> files = Files.list(staging)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.startsWith("_")))
                    .hasSize(2).contains("manifest.json").anyMatch(n -> n.startsWith("part-") && n.endsWith(".parquet"));
        }
        String manifest = Files.readString(staging.resolve("manifest.json"));
        assertThat(manifest).contains("\"mandatory\" : true", "\"content_length\"",
                "\"url\" : \"s3://" + lake + "/staging/log_functions_analysis/batch=" + loadBatchId + "/part-");
        Path processed = lake.resolve("processed/log_functions_analysis/event_date=2020-01-01");
        try (Stream<Path> files = Files.list(processed)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")))
                    .containsExactly("part-" + loadBatchId + "-0.parquet");
        }
        var processedRows = spark.read().parquet(processed.toUri().toString()).orderBy("call_id").collectAsList();
        assertThat(processedRows).extracting(r -> r.getString(0)).containsExactly("v1-s1", "v1-s2", "v2-s1");
        assertThat(processedRows.get(0).getDecimal(5)).isEqualByComparingTo("2.876544");
    }

    record CallRow(String callId, String vehicleId, String functionName, String start, String end, String duration,
                   int depth) {
    }

    private static List<CallRow> calls() throws SQLException {
        var rows = new ArrayList<CallRow>();
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT call_id, vehicle_id, function_name, start_time, end_time, duration, call_depth, event_date "
                        + "FROM tributary.log_functions_analysis ORDER BY call_id")) {
            while (rs.next()) {
                assertThat(rs.getObject("event_date", LocalDate.class)).isEqualTo(DAY);
                rows.add(new CallRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class).toString(), rs.getObject(5, LocalDateTime.class).toString(),
                        rs.getBigDecimal(6).toPlainString(), rs.getInt(7)));
            }
        }
        return rows;
    }

    private static List<String> quarantine() throws SQLException {
        var rows = new ArrayList<String>();
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT reason, event_id FROM tributary_meta.quarantine ORDER BY reason, event_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        return rows;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    private static String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    static BatchConfig config(Path checkpoint) {
        return BatchMain.parse(List.of(
                "--set", "s3.scheme=file", "--set", "s3.bucket=" + lake,
                "--set", "spark.checkpoint.location=" + checkpoint.toUri(),
                "--set", "spark.trigger=available-now", "--set", "spark.master=local[2]",
                "--set", "spark.shuffle.partitions=2",
                "--set", "warehouse.jdbc.url=" + jdbcUrl()), Map.of());
    }
}
