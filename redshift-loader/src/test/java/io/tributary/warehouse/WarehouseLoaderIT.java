package io.tributary.warehouse;

import static io.tributary.warehouse.TestRows.call;
import static io.tributary.warehouse.TestRows.seconds;
import static io.tributary.warehouse.TestRows.withDuration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.embeddedpg.PostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The loader against a real PostgreSQL 17 (zonky embedded); each test gets its own schema pair. */
class WarehouseLoaderIT {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private String schema;
    private WarehouseConfig config;
    private Warehouse warehouse;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresBinaries.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void connectAndMigrate() throws SQLException {
        schema = "it" + SCHEMAS.incrementAndGet();
        config = WarehouseConfig.of(Map.of(WarehouseConfig.JDBC_URL, jdbcUrl(), WarehouseConfig.SCHEMA, schema));
        warehouse = Warehouse.connect(config);
        warehouse.migrate();
    }

    @AfterEach
    void close() throws SQLException {
        warehouse.close();
    }

    @Test
    void loadWritesExactRowsLedgerAndCounts() throws SQLException {
        Instant before = Instant.now().minusSeconds(1);
        List<FunctionCallRow> calls = List.of(
                call("c1", "V1", "lidar_fusion", "2020-01-01T00:00:00.000001Z", "2020-01-01T00:00:01.500002Z", 0),
                call("c2", "V1", "lidar_fusion", "2020-01-01T00:00:00.250000Z", "2020-01-01T00:00:00.750000Z", 1),
                call("c3", "V2", "path_plan", "2020-01-01T23:59:59.999999Z", "2020-01-02T00:00:00.000000Z", 0));

        LoadResult result = warehouse.loadFunctionCalls("b1", calls, List.of(), Optional.empty());

        assertThat(result).isEqualTo(new LoadResult("log_functions_analysis", "b1", false, 3, 0));
        assertThat(storedCalls()).containsExactly(
                new StoredCall("c1", "V1", "lidar_fusion", Instant.parse("2020-01-01T00:00:00.000001Z"),
                        Instant.parse("2020-01-01T00:00:01.500002Z"), seconds("1.500001"), 0,
                        LocalDate.of(2020, 1, 1), "b1"),
                new StoredCall("c2", "V1", "lidar_fusion", Instant.parse("2020-01-01T00:00:00.250Z"),
                        Instant.parse("2020-01-01T00:00:00.750Z"), seconds("0.5"), 1, LocalDate.of(2020, 1, 1), "b1"),
                new StoredCall("c3", "V2", "path_plan", Instant.parse("2020-01-01T23:59:59.999999Z"),
                        Instant.parse("2020-01-02T00:00:00Z"), seconds("0.000001"), 0, LocalDate.of(2020, 1, 1), "b1"));
        assertThat(ledger()).containsExactly(new LedgerRow("log_functions_analysis", "b1", 3, 0));
        assertThat(loadedAtValues()).singleElement().satisfies(loadedAt ->
                assertThat(loadedAt).isBetween(before, Instant.now().plusSeconds(1)));
        assertThat(warehouse.countRows("log_functions_analysis")).isEqualTo(3);
        assertThat(warehouse.countRows(schema + "_meta.load_batches")).isEqualTo(1);
    }

    @Test
    void replayedBatchIsNotLoadedTwice() throws SQLException {
        FunctionCallRow original = call("c1", "V1", "f", "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", 0);
        warehouse.loadFunctionCalls("b1", List.of(original), List.of(quarantined("e9", null)), Optional.empty());
        List<StoredCall> afterFirst = storedCalls();

        FunctionCallRow changed = call("c1", "V1", "f", "2020-01-01T00:00:00Z", "2020-01-01T00:00:09Z", 0);
        LoadResult replay = warehouse.loadFunctionCalls("b1",
                List.of(changed, call("c2", "V1", "f", "2020-01-01T00:00:02Z", "2020-01-01T00:00:03Z", 0)),
                List.of(quarantined("e10", 1L)), Optional.empty());

        assertThat(replay).isEqualTo(new LoadResult("log_functions_analysis", "b1", true, 0, 0));
        assertThat(storedCalls()).isEqualTo(afterFirst);
        assertThat(warehouse.countRows("quarantine")).isEqualTo(1);
        assertThat(ledger()).containsExactly(new LedgerRow("log_functions_analysis", "b1", 1, 1));
    }

    @Test
    void laterBatchWithSameCallIdReplacesTheRow() throws SQLException {
        warehouse.loadFunctionCalls("b1", List.of(
                call("c1", "V1", "f", "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", 0),
                call("c2", "V1", "f", "2020-01-01T00:00:05Z", "2020-01-01T00:00:06Z", 0)), List.of(), Optional.empty());

        LoadResult second = warehouse.loadFunctionCalls("b2", List.of(
                call("c1", "V1", "f", "2020-01-01T00:00:00Z", "2020-01-01T00:00:02.5Z", 1),
                call("c3", "V2", "g", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00.1Z", 0)), List.of(), Optional.empty());

        assertThat(second.rowsUpserted()).isEqualTo(2);
        assertThat(storedCalls()).containsExactly(
                new StoredCall("c1", "V1", "f", Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2020-01-01T00:00:02.5Z"), seconds("2.5"), 1, LocalDate.of(2020, 1, 1), "b2"),
                new StoredCall("c2", "V1", "f", Instant.parse("2020-01-01T00:00:05Z"),
                        Instant.parse("2020-01-01T00:00:06Z"), seconds("1"), 0, LocalDate.of(2020, 1, 1), "b1"),
                new StoredCall("c3", "V2", "g", Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2020-01-01T00:00:00.1Z"), seconds("0.1"), 0, LocalDate.of(2020, 1, 1), "b2"));
        assertThat(ledger()).containsExactly(new LedgerRow("log_functions_analysis", "b1", 2, 0),
                new LedgerRow("log_functions_analysis", "b2", 2, 0));
    }

    static Stream<Arguments> badBatches() {
        FunctionCallRow good = call("ok", "V1", "f", "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", 0);
        FunctionCallRow bad = call("bad", "V1", "f", "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", 0);
        return Stream.of(
                Arguments.of("not_null", new FunctionCallRow("bad", null, "f", bad.startTime(), bad.endTime(),
                        bad.durationSeconds(), 0, bad.eventDate())),
                Arguments.of("end_not_before_start",
                        call("bad", "V1", "f", "2020-01-01T00:00:01Z", "2020-01-01T00:00:00Z", 0)),
                Arguments.of("duration_not_negative", withDuration(
                        call("bad", "V1", "f", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", 0), "-0.000001")),
                Arguments.of("duration_is_end_minus_start", withDuration(bad, "1.000001")),
                Arguments.of("call_depth_not_negative", new FunctionCallRow("bad", "V1", "f", bad.startTime(),
                        bad.endTime(), bad.durationSeconds(), -1, bad.eventDate())),
                Arguments.of("unique_call_id", call("ok", "V2", "g", "2020-01-01T00:00:03Z", "2020-01-01T00:00:04Z", 0)))
                .map(a -> Arguments.of(a.get()[0], List.of(good, (FunctionCallRow) a.get()[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBatches")
    void failedQualityGateRollsBackEverything(String gate, List<FunctionCallRow> calls) throws SQLException {
        assertThatThrownBy(() -> warehouse.loadFunctionCalls("b-bad", calls, List.of(quarantined("e1", 7L)),
                Optional.empty()))
                .isInstanceOfSatisfying(DataQualityException.class, e -> {
                    assertThat(e.gate()).isEqualTo(gate);
                    assertThat(e.batchId()).isEqualTo("b-bad");
                    assertThat(e.sampleKey()).contains(gate.equals("unique_call_id") ? "call_id=ok" : "call_id=bad");
                    assertThat(e.getMessage()).contains(gate, "b-bad");
                });

        assertThat(warehouse.countRows("log_functions_analysis")).isZero();
        assertThat(warehouse.countRows("quarantine")).isZero();
        assertThat(warehouse.countRows("load_batches")).isZero();
        assertThat(warehouse.countRows("dim_vehicle")).as("dimension rows roll back too").isZero();
        assertThat(query("SELECT check_name, observed FROM " + schema + "_meta.dq_results WHERE batch_id = 'b-bad'"
                + " AND NOT passed ORDER BY check_name", rs -> rs.getString(1) + "=" + rs.getLong(2)))
                .as("the failed check is stored with its numbers").contains(gate + "=1");
        assertThat(query("SELECT COUNT(*) FROM " + schema + "_meta.dq_results WHERE batch_id = 'b-bad' AND passed"
                + " AND check_name = 'staged_count_matches_batch'", rs -> rs.getLong(1))).containsExactly(1L);
        LoadResult retry = warehouse.loadFunctionCalls("b-bad", calls.subList(0, 1), List.of(), Optional.empty());
        assertThat(retry.skipped()).as("a rolled-back batch id is free to load again").isFalse();
    }

    @Test
    void migrateTwiceIsANoOp() throws SQLException {
        warehouse.loadFunctionCalls("b1", List.of(call("c1", "V1", "f", "2020-01-01T00:00:00Z",
                "2020-01-01T00:00:01Z", 0)), List.of(), Optional.empty());

        warehouse.migrate();
        try (Warehouse another = Warehouse.connect(config)) {
            another.migrate();
        }

        assertThat(warehouse.countRows("schema_migrations")).isEqualTo(3);
        assertThat(warehouse.countRows("log_functions_analysis")).isEqualTo(1);
        assertThat(query("SELECT version, description FROM " + schema + "_meta.schema_migrations ORDER BY version",
                rs -> rs.getInt(1) + ":" + rs.getString(2))).containsExactly("1:init", "2:web_dims_dq_views",
                "3:quarantine_event_id_index");
    }

    @Test
    void quarantineRowsLandWithTheBatch() throws SQLException {
        QuarantineRow unmatched = new QuarantineRow("unmatched_end", "e1", "V1", "f", "END",
                Instant.parse("2020-01-01T00:00:00.000123Z"), null, "{\"event_id\":\"e1\",\"note\":\"a, \\\"b\\\"\"}");
        QuarantineRow late = new QuarantineRow("late", "e2", "V2", "g", "START",
                Instant.parse("2019-12-31T23:59:59.5Z"), 42L, "");

        LoadResult result = warehouse.loadFunctionCalls("b1", List.of(), List.of(unmatched, late), Optional.empty());

        assertThat(result).isEqualTo(new LoadResult("log_functions_analysis", "b1", false, 0, 2));
        assertThat(query("SELECT reason, event_id, vehicle_id, function_name, event_type, event_time, seq,"
                + " event_json, load_batch_id, quarantined_at IS NOT NULL FROM " + schema + "_meta.quarantine"
                + " ORDER BY event_id", rs -> new QuarantineRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), utc(rs, 6), (Long) rs.getObject(7), rs.getString(8))
                + " " + rs.getString(9) + " " + rs.getBoolean(10)))
                .containsExactly(unmatched + " b1 true", late + " b1 true");
    }

    @Test
    void concurrentLoadOfTheSameBatchWaitsForTheFirstAndSkips() throws Exception {
        try (Connection first = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
            first.setAutoCommit(false);
            try (Statement claim = first.createStatement()) {
                claim.execute("INSERT INTO " + schema + "_meta.load_batches VALUES"
                        + " ('log_functions_analysis', 'b1', 0, 0, now())");
            }
            CompletableFuture<LoadResult> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return warehouse.loadFunctionCalls("b1", List.of(call("c1", "V1", "f",
                            "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", 0)), List.of(), Optional.empty());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> loaderBackendsWaitingOnALock() == 1);
            assertThat(second).isNotDone();

            first.commit();

            assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(
                    new LoadResult("log_functions_analysis", "b1", true, 0, 0));
        }
        assertThat(warehouse.countRows("log_functions_analysis")).isZero();
    }

    @Test
    void functionStatsGivesCallsAndPercentilesPerFunction() throws SQLException {
        List<FunctionCallRow> calls = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            calls.add(call("a" + i, "V1", "alpha", "2020-01-01T00:00:00Z", "2020-01-01T00:00:0" + i + "Z", 0));
        }
        calls.add(call("b1", "V1", "beta", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00.000001Z", 0));
        warehouse.loadFunctionCalls("b1", calls, List.of(), Optional.empty());

        assertThat(warehouse.functionStats()).containsExactly(
                new FunctionStats("alpha", 4, seconds("2.5"), seconds("3.85")),
                new FunctionStats("beta", 1, seconds("0.000001"), seconds("0.000001")));
    }

    @Test
    void countRowsRejectsTablesItDoesNotKnow() {
        assertThatThrownBy(() -> warehouse.countRows("pg_catalog.pg_user; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(schema + ".log_functions_analysis");
    }

    private record StoredCall(String callId, String vehicleId, String functionName, Instant startTime,
                              Instant endTime, BigDecimal duration, int callDepth, LocalDate eventDate,
                              String loadBatchId) {
    }

    private record LedgerRow(String table, String batchId, int rowsUpserted, int quarantined) {
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static QuarantineRow quarantined(String eventId, Long seq) {
        return new QuarantineRow("unmatched_end", eventId, "V1", "f", "END", Instant.parse("2020-01-01T00:00:00Z"),
                seq, "{}");
    }

    private List<StoredCall> storedCalls() throws SQLException {
        return query("SELECT call_id, vehicle_id, function_name, start_time, end_time, duration, call_depth,"
                        + " event_date, load_batch_id FROM " + schema + ".log_functions_analysis ORDER BY call_id",
                rs -> new StoredCall(rs.getString(1), rs.getString(2), rs.getString(3), utc(rs, 4), utc(rs, 5),
                        rs.getBigDecimal(6), rs.getInt(7), rs.getObject(8, LocalDate.class), rs.getString(9)));
    }

    private List<LedgerRow> ledger() throws SQLException {
        return query("SELECT table_name, batch_id, rows_upserted, quarantined FROM " + schema
                + "_meta.load_batches ORDER BY batch_id", rs -> new LedgerRow(rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getInt(4)));
    }

    private List<Instant> loadedAtValues() throws SQLException {
        return query("SELECT DISTINCT loaded_at FROM " + schema + ".log_functions_analysis",
                rs -> rs.getObject(1, OffsetDateTime.class).toInstant());
    }

    private long loaderBackendsWaitingOnALock() throws SQLException {
        return query("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'tributary-redshift-loader'"
                + " AND wait_event_type = 'Lock'", rs -> rs.getLong(1)).get(0);
    }

    private static Instant utc(ResultSet rs, int column) throws SQLException {
        LocalDateTime wallClock = rs.getObject(column, LocalDateTime.class);
        return wallClock == null ? null : wallClock.toInstant(ZoneOffset.UTC);
    }

    private static <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             PreparedStatement statement = c.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }
}
