package io.tributary.warehouse;

import static io.tributary.warehouse.TestRows.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.embeddedpg.PostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Web loads, dimensions, retractions, analyst views and the analyst role against a real PostgreSQL 17. */
class WarehouseAnalyticsIT {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private String schema;
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
        schema = "an" + SCHEMAS.incrementAndGet();
        warehouse = Warehouse.connect(WarehouseConfig.of(Map.of(WarehouseConfig.JDBC_URL, jdbcUrl(),
                WarehouseConfig.SCHEMA, schema)));
        warehouse.migrate();
    }

    @AfterEach
    void close() throws SQLException {
        warehouse.close();
    }

    @Test
    void olderSessionVersionNeverOverwritesANewerOne() throws SQLException {
        warehouse.loadWebSessions("w1", List.of(session("s1", 3, "2020-01-01T10:20:00Z", true)), Optional.empty());

        LoadResult older = warehouse.loadWebSessions("w0", List.of(session("s1", 2, "2020-01-01T10:10:00Z", false),
                session("s2", 1, "2020-01-01T11:00:00Z", false)), Optional.empty());
        assertThat(older.rowsUpserted()).as("only the new session s2").isEqualTo(1);
        assertThat(sessions()).containsExactly("s1 v3 n=3 booked=true w1", "s2 v1 n=1 booked=false w0");

        warehouse.loadWebSessions("w2", List.of(session("s1", 5, "2020-01-01T10:40:00Z", true)), Optional.empty());
        assertThat(sessions()).containsExactly("s1 v5 n=5 booked=true w2", "s2 v1 n=1 booked=false w0");
        assertThat(warehouse.countRows("dim_site")).isEqualTo(1);
    }

    @Test
    void webRequestsLoadOncePerEventIdAndFeedTrafficAndPercentileViews() throws SQLException {
        List<WebRequestRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(request("r" + i, "2020-01-01T10:00:" + (10 + i) + "Z", i < 8 ? 200 : 503, 10L * (i + 1)));
        }
        rows.add(request("r10", "2020-01-01T10:01:00Z", 404, 5L));
        warehouse.loadWebRequests("q1", rows, Optional.empty());
        warehouse.loadWebRequests("q2", rows.subList(0, 3), Optional.empty());

        assertThat(warehouse.countRows("web_requests")).isEqualTo(11);
        assertThat(query("SELECT minute, requests, server_errors, client_errors, error_rate FROM " + schema
                + ".v_web_traffic_per_minute ORDER BY minute", rs -> rs.getObject(1) + " " + rs.getLong(2) + " "
                + rs.getLong(3) + " " + rs.getLong(4) + " " + rs.getBigDecimal(5).stripTrailingZeros().toPlainString()))
                .containsExactly("2020-01-01 10:00:00.0 10 2 0 0.2", "2020-01-01 10:01:00.0 1 0 1 0");
        assertThat(query("SELECT requests, p50_ms, p95_ms FROM " + schema + ".v_web_response_time_percentiles",
                rs -> rs.getLong(1) + " " + rs.getDouble(2) + " " + rs.getDouble(3)))
                .containsExactly("11 50.0 95.0");
    }

    @Test
    void callViewsGiveHistogramPercentilesAndSlowestVehicles() throws SQLException {
        List<FunctionCallRow> calls = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            calls.add(call("a" + i, "V1", "alpha", "2020-01-01T00:00:00Z", "2020-01-01T00:00:0" + i + "Z", 0));
        }
        calls.add(call("b1", "V2", "alpha", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00.0005Z", 0));
        warehouse.loadFunctionCalls("b1", calls, List.of(), Optional.empty());

        assertThat(query("SELECT bucket, calls FROM " + schema + ".v_call_duration_histogram ORDER BY bucket_order",
                rs -> rs.getString(1) + "=" + rs.getLong(2))).containsExactly("<1ms=1", "1-10s=4");
        assertThat(query("SELECT calls, p50_s, p99_s, max_s FROM " + schema + ".v_call_duration_percentiles_daily",
                rs -> rs.getLong(1) + " " + rs.getBigDecimal(2) + " " + rs.getBigDecimal(3) + " " + rs.getBigDecimal(4)))
                .containsExactly("5 2.000000 3.960000 4.000000");
        assertThat(query("SELECT vehicle_id, slowness_rank FROM " + schema + ".v_slowest_vehicles ORDER BY 2",
                rs -> rs.getString(1) + "#" + rs.getLong(2))).containsExactly("V1#1", "V2#2");
        assertThat(query("SELECT table_name, newest_event_time IS NOT NULL FROM " + schema + ".v_freshness"
                + " ORDER BY 1", rs -> rs.getString(1) + "=" + rs.getBoolean(2)))
                .containsExactly("log_functions_analysis=true", "web_requests=false", "web_sessions=false");
        assertThat(query("SELECT vehicle_id FROM " + schema + ".dim_vehicle ORDER BY 1", rs -> rs.getString(1)))
                .containsExactly("V1", "V2");
        assertThat(query("SELECT date_key, day_of_week, is_weekend FROM " + schema + ".dim_date",
                rs -> rs.getObject(1, LocalDate.class) + " " + rs.getInt(2) + " " + rs.getBoolean(3)))
                .containsExactly("2020-01-01 3 false");
    }

    @Test
    void retractedProvisionalCallsAreDeletedInTheLoadTransaction() throws SQLException {
        warehouse.loadFunctionCalls("b1", List.of(call("c1", "V1", "f", "2020-01-01T00:00:00Z",
                "2020-01-01T00:00:03Z", 0)), List.of(), Optional.empty());

        warehouse.loadFunctionCalls("b2", List.of(call("c2", "V1", "f", "2020-01-01T00:00:02Z",
                "2020-01-01T00:00:03Z", 1)), List.of("c1"), List.of(), Optional.empty());

        assertThat(query("SELECT call_id FROM " + schema + ".log_functions_analysis", rs -> rs.getString(1)))
                .containsExactly("c2");
    }

    @Test
    void eventQuarantinedAgainByABackfillReplacesItsEarlierQuarantineRow() throws SQLException {
        var orphan = new QuarantineRow("unmatched_end", "e1", "V1", "f", "END", Instant.parse("2020-01-01T00:00:00Z"),
                null, "{}");
        warehouse.loadFunctionCalls("b1", List.of(), List.of(orphan), Optional.empty());
        warehouse.loadFunctionCalls("backfill-b1", List.of(), List.of(orphan), Optional.empty());

        assertThat(query("SELECT load_batch_id FROM " + schema + "_meta.quarantine", rs -> rs.getString(1)))
                .containsExactly("backfill-b1");
    }

    @Test
    void eventsFarInTheFutureFailTheFreshnessGateAndLeaveNothing() throws SQLException {
        Instant future = Instant.now().plusSeconds(7200);
        var row = call("c1", "V1", "f", future.toString(), future.plusSeconds(1).toString(), 0);

        assertThatThrownBy(() -> warehouse.loadFunctionCalls("b1", List.of(row), List.of(), Optional.empty()))
                .isInstanceOfSatisfying(DataQualityException.class, e ->
                        assertThat(e.gate()).isEqualTo("freshness"));
        assertThat(warehouse.countRows("log_functions_analysis")).isZero();
        assertThat(warehouse.countRows("dq_results")).isEqualTo(11);
    }

    @Test
    void analystRoleReadsTablesAndViewsButCannotWrite() throws SQLException {
        warehouse.loadFunctionCalls("b1", List.of(call("c1", "V1", "f", "2020-01-01T00:00:00Z",
                "2020-01-01T00:00:03Z", 0)), List.of(), Optional.empty());
        try (Connection admin = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'alice') THEN"
                    + " CREATE ROLE alice LOGIN; END IF; END $$");
            statement.execute("GRANT tributary_analyst TO alice");
        }
        try (Connection alice = DriverManager.getConnection(jdbcUrl(), "alice", "");
             Statement statement = alice.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT calls FROM " + schema
                    + ".v_call_duration_percentiles_daily")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + schema + "_meta.dq_results")) {
                assertThat(rs.next()).isTrue();
            }
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM " + schema + ".log_functions_analysis"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE " + schema + ".mine (x int)"))
                    .hasMessageContaining("permission denied");
        }
    }

    private static WebSessionRow session(String id, long version, String last, boolean booked) {
        Instant first = Instant.parse("2020-01-01T10:00:00Z");
        return new WebSessionRow(id, "hotels-north", "h-" + id, first, Instant.parse(last), (int) version,
                (int) version, 100L * version, 0, true, true, booked, version, LocalDate.ofInstant(first, ZoneOffset.UTC));
    }

    private static WebRequestRow request(String id, String time, int status, long responseMs) {
        Instant t = Instant.parse(time);
        return new WebRequestRow(id, "hotels-north", t, "203.0.113.9", "curl/8", "GET", "/hotel/1", null, status,
                2326L, null, responseMs, "s1", LocalDate.ofInstant(t, ZoneOffset.UTC));
    }

    private List<String> sessions() throws SQLException {
        return query("SELECT session_id, version, request_count, reached_booking, load_batch_id FROM " + schema
                + ".web_sessions ORDER BY session_id", rs -> rs.getString(1) + " v" + rs.getLong(2) + " n="
                + rs.getInt(3) + " booked=" + rs.getBoolean(4) + " " + rs.getString(5));
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
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
