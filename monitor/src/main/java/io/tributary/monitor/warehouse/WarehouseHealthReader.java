package io.tributary.monitor.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads freshness, the batch ledger and quarantine counts over JDBC (PostgreSQL locally, Redshift in production:
 * only ANSI SQL plus percentile_cont, which both have). A connection per read, with login, connect and statement
 * time-outs, so a warehouse that does not answer fails the read instead of hanging the monitor.
 */
public final class WarehouseHealthReader {
    /** The last batches whose rows give the latency percentiles. */
    static final int LAST_BATCHES = 20;

    /** Table and its event-time column (UTC in a TIMESTAMP column). */
    private record Watched(String table, String eventTime) {
    }

    private static final List<Watched> TABLES = List.of(new Watched("log_functions_analysis", "end_time"),
            new Watched("web_requests", "event_time"));

    private final String url;
    private final Properties props = new Properties();
    private final String schema;
    private final Duration timeout;
    private final Clock clock;

    public WarehouseHealthReader(String url, String user, String password, String schema, Duration timeout,
                                 Clock clock) {
        this.url = url;
        this.schema = schema;
        this.timeout = timeout;
        this.clock = clock;
        props.setProperty("user", user);
        props.setProperty("password", password);
        int seconds = (int) Math.max(1, timeout.toSeconds());
        props.setProperty("loginTimeout", Integer.toString(seconds));
        props.setProperty("connectTimeout", Integer.toString(seconds));
        props.setProperty("socketTimeout", Integer.toString(seconds + 5));
    }

    public WarehouseHealth read() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, props)) {
            List<TableFreshness> tables = new ArrayList<>();
            for (Watched watched : TABLES) {
                if (hasColumns(connection, watched.table(), watched.eventTime(), "load_batch_id", "loaded_at")) {
                    tables.add(freshness(connection, watched));
                }
            }
            return new WarehouseHealth(tables, quarantine(connection));
        }
    }

    /** Tables of other stages may not exist yet (or differ): only a table with every needed column is read. */
    private boolean hasColumns(Connection connection, String table, String... columns) throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                found.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return found.containsAll(List.of(columns));
    }

    private TableFreshness freshness(Connection connection, Watched watched) throws SQLException {
        String table = schema + "." + watched.table();
        String ledger = schema + "_meta.load_batches";
        Instant newest = null;
        long total = 0;
        try (Statement st = statement(connection);
             ResultSet rs = st.executeQuery("SELECT max(" + watched.eventTime() + "), count(*) FROM " + table)) {
            if (rs.next()) {
                newest = utc(rs.getTimestamp(1));
                total = rs.getLong(2);
            }
        }
        String latency = "EXTRACT(EPOCH FROM t.loaded_at) - EXTRACT(EPOCH FROM t." + watched.eventTime() + ")";
        double p50 = Double.NaN;
        double p95 = Double.NaN;
        try (PreparedStatement st = connection.prepareStatement("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "
                + latency + "), percentile_cont(0.95) WITHIN GROUP (ORDER BY " + latency + ") FROM " + table
                + " t WHERE t.load_batch_id IN (SELECT batch_id FROM " + ledger
                + " WHERE table_name = ? ORDER BY loaded_at DESC LIMIT " + LAST_BATCHES + ")")) {
            st.setQueryTimeout(queryTimeout());
            st.setString(1, watched.table());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    p50 = rs.getDouble(1);
                    p95 = rs.getDouble(2);
                }
            }
        }
        String batchId = null;
        long rows = 0;
        long quarantined = 0;
        Instant loadedAt = null;
        try (PreparedStatement st = connection.prepareStatement("SELECT batch_id, rows_upserted, quarantined, loaded_at"
                + " FROM " + ledger + " WHERE table_name = ? ORDER BY loaded_at DESC LIMIT 1")) {
            st.setQueryTimeout(queryTimeout());
            st.setString(1, watched.table());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    batchId = rs.getString(1);
                    rows = rs.getLong(2);
                    quarantined = rs.getLong(3);
                    loadedAt = rs.getTimestamp(4).toInstant();
                }
            }
        }
        double freshness = newest == null ? Double.NaN
                : Math.max(0, (clock.millis() - newest.toEpochMilli()) / 1000.0);
        return new TableFreshness(watched.table(), newest, freshness, p50, p95, batchId, rows, quarantined, loadedAt,
                total);
    }

    private Map<String, Long> quarantine(Connection connection) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement st = statement(connection); ResultSet rs = st.executeQuery(
                "SELECT reason, count(*) FROM " + schema + "_meta.quarantine GROUP BY reason")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private Statement statement(Connection connection) throws SQLException {
        Statement st = connection.createStatement();
        st.setQueryTimeout(queryTimeout());
        return st;
    }

    private int queryTimeout() {
        return (int) Math.max(1, timeout.toSeconds());
    }

    /** Event times are UTC in TIMESTAMP columns: read the wall-clock fields as UTC, whatever the JVM's zone. */
    private static Instant utc(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
