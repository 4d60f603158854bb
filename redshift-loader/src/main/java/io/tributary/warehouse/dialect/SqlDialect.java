package io.tributary.warehouse.dialect;

import io.tributary.warehouse.FunctionCallColumn;
import io.tributary.warehouse.FunctionCallRow;
import io.tributary.warehouse.QuarantineRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What differs between PostgreSQL and Redshift. Everything else (DQ gates, DELETE USING + INSERT, statistics) is
 * one SQL text for both. All methods run inside the caller's transaction and never commit.
 */
public sealed interface SqlDialect permits PostgresDialect, RedshiftDialect {

    /** Directory of this dialect's migrations: {@code postgresql} or {@code redshift}. */
    String name();

    String driverClassName();

    /** Current time for loaded_at/quarantined_at columns (TIMESTAMPTZ), fixed for the whole transaction. */
    String nowExpression();

    /** Integer microseconds from {@code startColumn} to {@code endColumn} (both TIMESTAMP). */
    String microsBetween(String startColumn, String endColumn);

    /** Whole seconds from the newest value of TIMESTAMP (UTC) {@code column} in {@code table} to now; negative = future. */
    String secondsSinceNewestSql(String table, String column);

    /** Statistics refresh of one table after loads ({@code ANALYZE}). */
    String analyzeSql(String table);

    /** Space/sort maintenance after many DELETE+INSERT upserts; empty where the database does it itself. */
    Optional<String> vacuumSql(String table);

    /** Exclusive lock that serializes writers of {@code table} until the transaction ends. */
    String lockTableSql(String table);

    /** A session/transaction-local table holding the staged calls, columns as {@link FunctionCallColumn}. */
    String createStageSql(String stage);

    /**
     * Takes the ledger entry of one batch. Returns false when the batch is already there (loaded, or being loaded by
     * a transaction that then commits): the caller must write nothing.
     */
    boolean claimBatch(Connection connection, String ledger, String table, String batchId) throws SQLException;

    /** Completes the ledger entry of a claimed batch with its counts. */
    void recordBatch(Connection connection, String ledger, String table, String batchId, int rowsUpserted,
                     int quarantined) throws SQLException;

    /** Creates the stage and fills it: from {@code calls} (PostgreSQL) or from the S3 manifest (Redshift). */
    void stageFunctionCalls(Connection connection, String stage, List<FunctionCallRow> calls,
                            Optional<String> s3ManifestUrl) throws SQLException;

    /**
     * Creates a stage with {@code columnDefinitions} and fills it: from {@code rows} as CSV lines (PostgreSQL) or from
     * the S3 manifest (Redshift, positional parquet columns in the same order).
     */
    <T> void stageRows(Connection connection, String stage, String columnDefinitions, String columnNames,
                       List<T> rows, java.util.function.Function<T, String> csvLine, Optional<String> s3ManifestUrl)
            throws SQLException;

    /** Drops the stage before commit where the database does not do it by itself. */
    void dropStage(Connection connection, String stage) throws SQLException;

    void insertQuarantine(Connection connection, String quarantineTable, List<QuarantineRow> rows, String batchId)
            throws SQLException;

    /** Column definitions of the stage: {@code call_id VARCHAR(128), …}. */
    static String stageColumnDefinitions() {
        return Arrays.stream(FunctionCallColumn.values())
                .map(c -> c.columnName() + " " + c.sqlType())
                .collect(Collectors.joining(", "));
    }

    /** Quarantine columns written by a load; quarantined_at is set by the database. */
    List<String> QUARANTINE_COLUMNS = List.of("reason", "event_id", "vehicle_id", "function_name", "event_type",
            "event_time", "seq", "event_json", "load_batch_id");
}
