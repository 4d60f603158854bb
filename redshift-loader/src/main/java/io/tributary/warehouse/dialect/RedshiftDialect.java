package io.tributary.warehouse.dialect;

import io.tributary.warehouse.FunctionCallRow;
import io.tributary.warehouse.QuarantineRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Amazon Redshift (production): the batch is staged from the Spark job's parquet in S3 with COPY. Redshift does not
 * enforce primary keys, so the ledger is serialized with an explicit table LOCK instead of ON CONFLICT.
 */
public final class RedshiftDialect implements SqlDialect {
    private static final Logger log = LoggerFactory.getLogger(RedshiftDialect.class);
    /** Rows per multi-row INSERT: Redshift discourages single-row inserts; quarantine batches are small anyway. */
    static final int QUARANTINE_ROWS_PER_INSERT = 500;

    private final Optional<String> iamRole;

    RedshiftDialect(Optional<String> iamRole) {
        this.iamRole = iamRole;
    }

    @Override
    public String name() {
        return "redshift";
    }

    @Override
    public String driverClassName() {
        return "com.amazon.redshift.Driver";
    }

    @Override
    public String nowExpression() {
        // SYSDATE is the transaction's start time inside a transaction block (GETDATE would be per statement).
        return "SYSDATE";
    }

    @Override
    public String microsBetween(String startColumn, String endColumn) {
        return "DATEDIFF(microsecond, " + startColumn + ", " + endColumn + ")";
    }

    @Override
    public String secondsSinceNewestSql(String table, String column) {
        // GETDATE: the current statement's time, UTC like the TIMESTAMP columns
        return "SELECT DATEDIFF(second, MAX(" + column + "), GETDATE()) FROM " + table;
    }

    /** PREDICATE COLUMNS: only the columns queries filter, join or group on; cheap enough to run after loads. */
    @Override
    public String analyzeSql(String table) {
        return "ANALYZE " + table + " PREDICATE COLUMNS";
    }

    /**
     * DELETE+INSERT upserts leave deleted rows and an unsorted tail; automatic vacuum catches up slowly on busy
     * clusters, so the loader re-sorts and reclaims every N batches. VACUUM cannot run inside a transaction.
     */
    @Override
    public Optional<String> vacuumSql(String table) {
        return Optional.of("VACUUM FULL " + table + " TO 95 PERCENT");
    }

    @Override
    public String lockTableSql(String table) {
        return "LOCK " + table;
    }

    @Override
    public String createStageSql(String stage) {
        // Same distribution as the target, so DELETE … USING stage joins on call_id without redistribution.
        return "CREATE TEMP TABLE " + stage + " (" + SqlDialect.stageColumnDefinitions() + ") DISTKEY(call_id)";
    }

    public String ledgerLookupSql(String ledger) {
        return "SELECT 1 FROM " + ledger + " WHERE table_name = ? AND batch_id = ?";
    }

    public String ledgerInsertSql(String ledger) {
        return "INSERT INTO " + ledger + " (table_name, batch_id, rows_upserted, quarantined, loaded_at)"
                + " VALUES (?, ?, ?, ?, " + nowExpression() + ")";
    }

    /**
     * COPY from columnar files maps columns by position and takes no column list (AWS docs, "COPY from columnar data
     * formats"), so the stage has exactly the parquet's columns in {@code FunctionCallColumn} order, and the
     * INSERT … SELECT from the stage into the target names every column.
     */
    public String copySql(String stage, String s3ManifestUrl) {
        if (!s3ManifestUrl.startsWith("s3://")) {
            throw new IllegalArgumentException("Redshift COPY needs an s3:// manifest URL, got '" + s3ManifestUrl + "'");
        }
        String role = iamRole.orElseThrow(() -> new IllegalArgumentException(
                "warehouse.redshift.iam.role is required with a jdbc:redshift: warehouse.jdbc.url (COPY … IAM_ROLE)"));
        return "COPY " + stage + " FROM " + literal(s3ManifestUrl) + " IAM_ROLE " + literal(role)
                + " FORMAT AS PARQUET MANIFEST";
    }

    public String quarantineInsertSql(String quarantineTable, int rows) {
        String values = "(?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, " + nowExpression() + ")";
        return "INSERT INTO " + quarantineTable + " (" + String.join(", ", QUARANTINE_COLUMNS) + ", quarantined_at)"
                + " VALUES " + String.join(", ", Collections.nCopies(rows, values));
    }

    @Override
    public boolean claimBatch(Connection connection, String ledger, String table, String batchId) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute(lockTableSql(ledger));
        }
        try (PreparedStatement lookup = connection.prepareStatement(ledgerLookupSql(ledger))) {
            lookup.setString(1, table);
            lookup.setString(2, batchId);
            try (ResultSet rs = lookup.executeQuery()) {
                return !rs.next();
            }
        }
    }

    @Override
    public void recordBatch(Connection connection, String ledger, String table, String batchId, int rowsUpserted,
                            int quarantined) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ledgerInsertSql(ledger))) {
            insert.setString(1, table);
            insert.setString(2, batchId);
            insert.setInt(3, rowsUpserted);
            insert.setInt(4, quarantined);
            insert.executeUpdate();
        }
    }

    @Override
    public void stageFunctionCalls(Connection connection, String stage, List<FunctionCallRow> calls,
                                   Optional<String> s3ManifestUrl) throws SQLException {
        String manifest = s3ManifestUrl.orElseThrow(() -> new IllegalArgumentException(
                "The Redshift dialect stages calls from S3: s3ManifestUrl (the staging manifest.json) is required"));
        String copy = copySql(stage, manifest);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + stage);
            statement.execute(createStageSql(stage));
            log.debug("Staging {} from {}", stage, manifest);
            statement.execute(copy);
        }
    }

    @Override
    public <T> void stageRows(Connection connection, String stage, String columnDefinitions, String columnNames,
                              List<T> rows, java.util.function.Function<T, String> csvLine,
                              Optional<String> s3ManifestUrl) throws SQLException {
        String manifest = s3ManifestUrl.orElseThrow(() -> new IllegalArgumentException(
                "The Redshift dialect stages from S3: s3ManifestUrl (the staging manifest.json) is required"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + stage);
            statement.execute("CREATE TEMP TABLE " + stage + " (" + columnDefinitions + ")");
            statement.execute(copySql(stage, manifest));
        }
    }

    @Override
    public void dropStage(Connection connection, String stage) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + stage);
        }
    }

    @Override
    public void insertQuarantine(Connection connection, String quarantineTable, List<QuarantineRow> rows,
                                 String batchId) throws SQLException {
        for (int from = 0; from < rows.size(); from += QUARANTINE_ROWS_PER_INSERT) {
            List<QuarantineRow> chunk = rows.subList(from, Math.min(rows.size(), from + QUARANTINE_ROWS_PER_INSERT));
            try (PreparedStatement insert = connection.prepareStatement(quarantineInsertSql(quarantineTable,
                    chunk.size()))) {
                int p = 1;
                for (QuarantineRow row : chunk) {
                    insert.setString(p++, row.reason());
                    insert.setString(p++, row.eventId());
                    insert.setString(p++, row.vehicleId());
                    insert.setString(p++, row.functionName());
                    insert.setString(p++, row.eventType());
                    insert.setString(p++, row.eventTime() == null ? null : PostgresCopyCsv.timestamp(row.eventTime()));
                    if (row.seq() == null) {
                        insert.setNull(p++, Types.BIGINT);
                    } else {
                        insert.setLong(p++, row.seq());
                    }
                    insert.setString(p++, row.eventJson());
                    insert.setString(p++, batchId);
                }
                insert.executeUpdate();
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
