package io.tributary.warehouse.dialect;

import io.tributary.warehouse.FunctionCallColumn;
import io.tributary.warehouse.FunctionCallRow;
import io.tributary.warehouse.QuarantineRow;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL (local stack, tests): rows arrive in memory and are streamed in with COPY … FROM STDIN. */
public final class PostgresDialect implements SqlDialect {
    private static final Logger log = LoggerFactory.getLogger(PostgresDialect.class);
    private static final int COPY_CHUNK_CHARS = 64 * 1024;

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String driverClassName() {
        return "org.postgresql.Driver";
    }

    @Override
    public String nowExpression() {
        return "now()";
    }

    @Override
    public String microsBetween(String startColumn, String endColumn) {
        // EXTRACT returns numeric since PostgreSQL 14, so this is exact (no double rounding).
        return "(EXTRACT(EPOCH FROM (" + endColumn + " - " + startColumn + ")) * 1000000)";
    }

    @Override
    public String secondsSinceNewestSql(String table, String column) {
        return "SELECT CAST(EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - MAX(" + column + "))) AS BIGINT) FROM "
                + table;
    }

    @Override
    public String analyzeSql(String table) {
        return "ANALYZE " + table;
    }

    /** Autovacuum reclaims what DELETE+INSERT leaves behind; a manual VACUUM would only compete with it. */
    @Override
    public Optional<String> vacuumSql(String table) {
        return Optional.empty();
    }

    @Override
    public String lockTableSql(String table) {
        return "LOCK TABLE " + table + " IN EXCLUSIVE MODE";
    }

    @Override
    public String createStageSql(String stage) {
        return "CREATE TEMP TABLE " + stage + " (" + SqlDialect.stageColumnDefinitions() + ") ON COMMIT DROP";
    }

    /**
     * Inserting the ledger row first makes a concurrent load of the same batch wait on the primary key until this
     * transaction ends, then do nothing: concurrent loads of one batch serialize, and exactly one writes.
     */
    @Override
    public boolean claimBatch(Connection connection, String ledger, String table, String batchId) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("INSERT INTO " + ledger
                + " (table_name, batch_id, rows_upserted, quarantined, loaded_at) VALUES (?, ?, 0, 0, now())"
                + " ON CONFLICT (table_name, batch_id) DO NOTHING")) {
            claim.setString(1, table);
            claim.setString(2, batchId);
            return claim.executeUpdate() == 1;
        }
    }

    @Override
    public void recordBatch(Connection connection, String ledger, String table, String batchId, int rowsUpserted,
                            int quarantined) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + ledger
                + " SET rows_upserted = ?, quarantined = ? WHERE table_name = ? AND batch_id = ?")) {
            update.setInt(1, rowsUpserted);
            update.setInt(2, quarantined);
            update.setString(3, table);
            update.setString(4, batchId);
            if (update.executeUpdate() != 1) {
                throw new SQLException("Ledger row of " + table + " batch " + batchId + " vanished during the load");
            }
        }
    }

    @Override
    public void stageFunctionCalls(Connection connection, String stage, List<FunctionCallRow> calls,
                                   Optional<String> s3ManifestUrl) throws SQLException {
        s3ManifestUrl.ifPresent(url -> log.debug("PostgreSQL stages the rows given in memory; ignoring manifest {}", url));
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStageSql(stage));
        }
        copyIn(connection, "COPY " + stage + " (" + FunctionCallColumn.nameList() + ") FROM STDIN WITH (FORMAT csv)",
                calls, PostgresCopyCsv::functionCall);
    }

    @Override
    public <T> void stageRows(Connection connection, String stage, String columnDefinitions, String columnNames,
                              List<T> rows, Function<T, String> csvLine, Optional<String> s3ManifestUrl)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE " + stage + " (" + columnDefinitions + ") ON COMMIT DROP");
        }
        copyIn(connection, "COPY " + stage + " (" + columnNames + ") FROM STDIN WITH (FORMAT csv)", rows, csvLine);
    }

    @Override
    public void dropStage(Connection connection, String stage) {
        // ON COMMIT DROP: the stage goes with the transaction, committed or rolled back.
    }

    @Override
    public void insertQuarantine(Connection connection, String quarantineTable, List<QuarantineRow> rows,
                                 String batchId) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        copyIn(connection, "COPY " + quarantineTable + " (" + String.join(", ", QUARANTINE_COLUMNS)
                + ") FROM STDIN WITH (FORMAT csv)", rows, row -> PostgresCopyCsv.quarantine(row, batchId));
    }

    private static <T> void copyIn(Connection connection, String sql, List<T> rows, Function<T, String> line)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder chunk = new StringBuilder(COPY_CHUNK_CHARS + 1024);
            for (T row : rows) {
                chunk.append(line.apply(row));
                if (chunk.length() >= COPY_CHUNK_CHARS) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
