package io.tributary.batch.job;

import io.tributary.batch.BatchMain;
import io.tributary.batch.config.BatchConfig;
import io.tributary.batch.lake.LakePaths;
import io.tributary.embeddedpg.PostgresBinaries;
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
        postgres = PostgresBinaries.builder().start();
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
        Path landed = LandingFiles.write(lake, DAY, 6, List.of(
                event("v2-s1", "V2", "lidar_fusion", START, "2020-01-01T08:10:00.000000Z"),
                event("v2-e1", "V2", "lidar_fusion", END, "2020-01-01T08:10:00.250000Z")));
        LandingFiles.writeInFlightCopy(landed);

        List<BatchOutcome> first = new BatchJob(config, spark).run();

        assertThat(first).hasSize(1);
        BatchOutcome batch = first.get(0);
        // nothing is final yet (first batch: no watermark), but every closed call is loaded at once; the orphan END
        // could still be joined by an out-of-order START, so it is not quarantined yet
        assertThat(List.of(batch.inputEvents(), batch.calls(), batch.finalCalls(), batch.quarantined(),
                batch.duplicates())).containsExactly(10, 3, 0, 1, 1);
        assertThat(calls()).containsExactly(
                new CallRow("v1-s1", "V1", "lidar_fusion", "2020-01-01T08:00:00.123456", "2020-01-01T08:00:03",
                        "2.876544", 0),
                new CallRow("v1-s2", "V1", "lidar_fusion", "2020-01-01T08:00:01.000001", "2020-01-01T08:00:02.500",
                        "1.499999", 1),
                new CallRow("v2-s1", "V2", "lidar_fusion", "2020-01-01T08:10", "2020-01-01T08:10:00.250",
                        "0.250000", 0));
        assertThat(quarantine()).containsExactly("malformed:null");
        assertStagingFilesOf(batch.loadBatchId());

        LandingFiles.write(lake, DAY, 8, List.of(
                event("v1-e3", "V1", "lidar_fusion", END, "2020-01-01T08:30:00.000000Z")));
        List<BatchOutcome> second = new BatchJob(config, spark).run();

        // watermark now 08:09:00.25 (08:10:00.25 - 1 min lateness): V1's first two calls and the orphan are final
        assertThat(second).extracting(BatchOutcome::inputEvents, BatchOutcome::calls, BatchOutcome::finalCalls,
                        BatchOutcome::quarantined)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, 2, 1));
        String queryId = batch.loadBatchId().substring(0, batch.loadBatchId().lastIndexOf('-'));
        assertThat(second.get(0).loadBatchId()).isEqualTo(queryId + "-1");
        assertThat(calls()).contains(new CallRow("v1-s3", "V1", "lidar_fusion", "2020-01-01T08:00:04",
                "2020-01-01T08:30", "1796.000000", 0)).hasSize(4);
        assertThat(quarantine()).containsExactly("malformed:null", "unmatched_end:v1-orphan");
        assertProcessedFilesOf(second.get(0).loadBatchId(), "v1-s1", "v1-s2");

        List<BatchOutcome> third = new BatchJob(config, spark).run();

        assertThat(third).isEmpty();
        assertThat(calls()).hasSize(4);
        assertThat(count("SELECT count(*) FROM tributary_meta.load_batches")).isEqualTo(2);
    }

    @Test
    void webSessionGrowingOverTwoRunsIsOneRowWithTheRightCountsAndKeepsItsId() throws Exception {
        Path webLake = lake.resolve("web-lake");
        BatchConfig config = config(webLake, checkpoints.resolve("web"), "web");
        String web = io.tributary.events.Topics.WEB_REQUESTS;
        LandingFiles.write(webLake, web, DAY, 0, List.of(
                LandingFiles.request("r1", "203.0.113.9", "/search", 200, "2020-01-01T10:00:00Z"),
                LandingFiles.request("r2", "203.0.113.9", "/hotel/7", 200, "2020-01-01T10:01:00Z"),
                LandingFiles.request("x1", "198.51.100.1", "/hotel/9", 503, "2020-01-01T10:02:00Z"),
                "not a web request"));

        var job = new BatchJob(config, spark);
        job.run();

        assertThat(job.webOutcomes()).singleElement().satisfies(o ->
                assertThat(List.of(o.requests(), o.sessions(), o.malformed())).containsExactly(3, 2, 1));
        List<String> firstSessions = webSessions("web");
        assertThat(firstSessions).hasSize(2).anyMatch(s -> s.endsWith(" 2 2 true true false"));

        LandingFiles.write(webLake, web, DAY, 4, List.of(
                LandingFiles.request("r3", "203.0.113.9", "/hotel/7/book/confirm", 200, "2020-01-01T10:20:00Z")));
        var second = new BatchJob(config, spark);
        second.run();

        List<String> sessions = webSessions("web");
        String sessionId = firstSessions.stream().filter(s -> s.endsWith(" 2 2 true true false")).findFirst()
                .orElseThrow().split(" ")[0];
        assertThat(sessions).hasSize(2).contains(sessionId + " 3 3 true true true");
        assertThat(count("SELECT count(DISTINCT session_id) FROM web.web_requests WHERE event_id LIKE 'r%'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM web.web_requests")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM web_meta.quarantine WHERE reason = 'malformed'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM web.log_functions_analysis")).isZero();
    }

    @Test
    void batchReplayedAfterACrashBetweenWarehouseCommitAndCheckpointCommitLoadsNothingTwice() throws Exception {
        Path crashLake = lake.resolve("crash-lake");
        Path checkpoint = checkpoints.resolve("crash");
        BatchConfig config = config(crashLake, checkpoint, "crash");
        LandingFiles.write(crashLake, DAY, 0, List.of(
                event("c-s1", "V7", "brake", START, "2020-01-01T09:00:00Z"),
                event("c-e1", "V7", "brake", END, "2020-01-01T09:00:01.5Z"),
                event("c-orphan", "V7", "planner", END, "2020-01-01T09:00:02Z")));
        List<BatchOutcome> first = new BatchJob(config, spark).run();
        assertThat(first).singleElement().satisfies(b -> assertThat(b.load().skipped()).isFalse());
        long ledger = count("SELECT count(*) FROM crash_meta.load_batches");

        // the crash: the warehouse committed batch 0, Spark died before writing commits/0
        Files.delete(checkpoint.resolve("commits/0"));
        Files.deleteIfExists(checkpoint.resolve("commits/.0.crc"));
        List<BatchOutcome> replay = new BatchJob(config, spark).run();

        assertThat(replay).singleElement().satisfies(b -> {
            assertThat(b.loadBatchId()).isEqualTo(first.get(0).loadBatchId());
            assertThat(b.load().skipped()).isTrue();
        });
        assertThat(count("SELECT count(*) FROM crash.log_functions_analysis")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM crash_meta.load_batches")).isEqualTo(ledger);
        assertThat(count("SELECT count(*) FROM crash_meta.quarantine")).isZero();
    }

    @Test
    void backfillOfLoadedDaysReadsOnlyItsDaysAndReplacesRowsWithoutDuplicates() throws Exception {
        Path backfillLake = lake.resolve("backfill-lake");
        LocalDate nextDay = DAY.plusDays(1);
        LandingFiles.write(backfillLake, DAY, 0, List.of(
                event("d1-s", "V3", "brake", START, "2020-01-01T12:00:00Z"),
                event("d1-e", "V3", "brake", END, "2020-01-01T12:00:01Z")));
        LandingFiles.write(backfillLake, nextDay, 2, List.of(
                event("d2-s", "V3", "brake", START, "2020-01-02T12:00:00Z"),
                event("d2-e", "V3", "brake", END, "2020-01-02T12:00:02Z")));
        new BatchJob(config(backfillLake, checkpoints.resolve("stream"), "bf"), spark).run();
        assertThat(count("SELECT count(*) FROM bf.log_functions_analysis")).isEqualTo(2);

        BatchConfig backfill = BatchMain.parse(List.of(
                "--set", "s3.scheme=file", "--set", "s3.bucket=" + backfillLake, "--set", "warehouse.schema=bf",
                "--set", "spark.checkpoint.location=" + checkpoints.resolve("backfill").toUri(),
                "--set", "spark.trigger=available-now", "--set", "spark.master=local[2]",
                "--set", "spark.shuffle.partitions=2", "--set", "landing.dates.from=2020-01-02",
                "--set", "landing.dates.to=2020-01-02", "--set", "warehouse.jdbc.url=" + jdbcUrl()), Map.of());
        List<BatchOutcome> outcomes = new BatchJob(backfill, spark).run();

        assertThat(outcomes).singleElement().satisfies(b -> assertThat(b.inputEvents()).isEqualTo(2));
        assertThat(count("SELECT count(*) FROM bf.log_functions_analysis")).isEqualTo(2);
        assertThat(count("SELECT count(DISTINCT load_batch_id) FROM bf.log_functions_analysis")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM bf_meta.load_batches")).isEqualTo(2);
    }

    private static List<String> webSessions(String schema) throws SQLException {
        var rows = new ArrayList<String>();
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT session_id, request_count, version, reached_search, reached_hotel, reached_booking FROM "
                        + schema + ".web_sessions ORDER BY session_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getLong(3) + " " + rs.getBoolean(4) + " "
                        + rs.getBoolean(5) + " " + rs.getBoolean(6));
            }
        }
        return rows;
    }

    private void assertStagingFilesOf(String loadBatchId) throws Exception {
        Path staging = lake.resolve("staging/log_functions_analysis/batch=" + loadBatchId);
        try (Stream<Path> files = Files.list(staging)) {
            var names = files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.startsWith("_"))
                    .toList();
            var parts = names.stream().filter(n -> n.startsWith("part-") && n.endsWith(".parquet")).toList();
            // one file per Spark partition that has rows, every one of them in the manifest
            assertThat(parts).isNotEmpty();
            assertThat(names).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.Stream.concat(parts.stream(), Stream.of("manifest.json")).toList());
            String manifest = Files.readString(staging.resolve("manifest.json"));
            assertThat(manifest).contains("\"mandatory\" : true", "\"content_length\"");
            for (String part : parts) {
                assertThat(manifest).contains("\"url\" : \"s3://" + lake + "/staging/log_functions_analysis/batch="
                        + loadBatchId + "/" + part + "\"");
            }
        }
        assertThat(lake.resolve("processed/log_functions_analysis/event_date=2020-01-01")).doesNotExist();
    }

    private void assertProcessedFilesOf(String loadBatchId, String... callIds) throws Exception {
        Path processed = lake.resolve("processed/log_functions_analysis/event_date=2020-01-01");
        try (Stream<Path> files = Files.list(processed)) {
            // named after the load batch, so a replay replaces them: part-<load batch id>-<n>.parquet
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")))
                    .isNotEmpty().allMatch(n -> n.matches("part-" + loadBatchId + "-\\d+\\.parquet"));
        }
        var processedRows = spark.read().parquet(processed.toUri().toString()).orderBy("call_id").collectAsList();
        assertThat(processedRows).extracting(r -> r.getString(0)).containsExactly(callIds);
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
        return config(lake, checkpoint, "tributary");
    }

    static BatchConfig config(Path lakeDir, Path checkpoint, String schema) {
        return BatchMain.parse(List.of(
                "--set", "s3.scheme=file", "--set", "s3.bucket=" + lakeDir, "--set", "warehouse.schema=" + schema,
                "--set", "spark.checkpoint.location=" + checkpoint.toUri(),
                "--set", "spark.trigger=available-now", "--set", "spark.master=local[2]",
                "--set", "spark.shuffle.partitions=2", "--set", "pairing.allowed.lateness=1m",
                "--set", "warehouse.jdbc.url=" + jdbcUrl()), Map.of());
    }
}
