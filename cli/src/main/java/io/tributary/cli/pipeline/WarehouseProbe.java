package io.tributary.cli.pipeline;

import io.tributary.warehouse.WarehouseConfig;
import io.tributary.warehouse.schema.KnownTable;
import io.tributary.warehouse.schema.TableNames;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Read-only queries a run's observer needs beyond what the loader's {@code Warehouse} offers: the load ledger's row
 * totals (cheap progress, a few rows whatever the table sizes) and ad-hoc counts and aggregates on one connection
 * of its own, so polling never waits on the loader's lock.
 */
public final class WarehouseProbe implements AutoCloseable {
    private final WarehouseConfig config;
    private final TableNames names;
    private Connection connection;

    private WarehouseProbe(WarehouseConfig config, Connection connection) {
        this.config = config;
        this.connection = connection;
        this.names = new TableNames(config.schema(), config.metaSchema());
    }

    public static WarehouseProbe open(WarehouseConfig config) {
        try {
            return new WarehouseProbe(config, connect(config));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the warehouse for probing: " + e.getMessage(), e);
        }
    }

    private static Connection connect(WarehouseConfig config) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(),
                config.password() == null ? "" : config.password().value());
    }

    /** A query on the probe's connection, opened again once when it broke (the database restarted meanwhile). */
    private <T> T query(String sql, SqlFunction<T> read) {
        try {
            return read.apply(connection);
        } catch (SQLException first) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is broken already
            }
            try {
                connection = connect(config);
                return read.apply(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("warehouse query failed (" + sql + "): " + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    private interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Rows in {@code table} of the warehouse schema. */
    public synchronized long countRows(String table) {
        String sql = "SELECT COUNT(*) FROM " + KnownTable.resolve(table, names).qualifiedName(names);
        return query(sql, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public TableNames names() {
        return names;
    }

    /** Rows upserted per table according to the load ledger (a table's rows, when nothing was retracted). */
    public synchronized Map<String, Long> ledgerRows() {
        Map<String, Long> rows = new HashMap<>();
        String sql = "SELECT table_name, COALESCE(SUM(rows_upserted), 0) FROM " + names.loadBatches()
                + " GROUP BY table_name";
        return query(sql, c -> {
            rows.clear();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getLong(2));
                }
                return rows;
            }
        });
    }

    /** The single number {@code sql} returns (a count or a sum; null reads as 0). */
    public synchronized long queryLong(String sql) {
        return query(sql, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Each row of {@code sql} as (first column as text → second column as a number). */
    public synchronized Map<String, Long> queryLongs(String sql) {
        return query(sql, c -> {
            Map<String, Long> result = new java.util.TreeMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getLong(2));
                }
                return result;
            }
        });
    }

    /** One row of a result, read column by column. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /** Streams every row of {@code sql} to {@code sink}, in chunks (a cursor). */
    public synchronized void forEachRow(String sql, RowConsumer sink) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (Statement st = connection.createStatement()) {
                st.setFetchSize(50_000);
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        sink.accept(rs);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("warehouse query failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    /** Streams every value of the first (numeric) column of {@code sql} to {@code sink}, in chunks (a cursor). */
    public synchronized void forEachDouble(String sql, java.util.function.DoubleConsumer sink) {
        forEachRow(sql, row -> sink.accept(row.getDouble(1)));
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a read-only probe: nothing is lost
        }
    }
}
