package io.tributary.warehouse.load;

import io.tributary.warehouse.FunctionCallColumn;
import io.tributary.warehouse.FunctionCallRow;
import io.tributary.warehouse.LoadResult;
import io.tributary.warehouse.QuarantineRow;
import io.tributary.warehouse.dialect.SqlDialect;
import io.tributary.warehouse.schema.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one batch of calls in one transaction: claim the batch in the ledger → stage → DQ gates → DELETE USING stage
 * + INSERT → quarantine rows → ledger counts → commit. Any failure rolls everything back and propagates.
 */
public final class FunctionCallLoad {
    private static final Logger log = LoggerFactory.getLogger(FunctionCallLoad.class);
    static final String STAGE = "tributary_stage_" + TableNames.FUNCTION_CALLS;

    private final SqlDialect dialect;
    private final TableNames names;
    private final DataQualityGates gates;

    public FunctionCallLoad(SqlDialect dialect, TableNames names) {
        this.dialect = dialect;
        this.names = names;
        this.gates = new DataQualityGates(dialect, STAGE);
    }

    public LoadResult run(Connection connection, String batchId, List<FunctionCallRow> calls,
                          List<QuarantineRow> quarantine, Optional<String> s3ManifestUrl) throws SQLException {
        if (batchId == null || batchId.isBlank()) {
            throw new IllegalArgumentException("batchId must not be blank");
        }
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (!dialect.claimBatch(connection, names.loadBatches(), TableNames.FUNCTION_CALLS, batchId)) {
                connection.rollback();
                log.info("Batch {} of {} is already in the ledger {}: skipped, nothing written",
                        batchId, names.functionCalls(), names.loadBatches());
                return new LoadResult(TableNames.FUNCTION_CALLS, batchId, true, 0, 0);
            }
            dialect.stageFunctionCalls(connection, STAGE, calls, s3ManifestUrl);
            long staged = countStage(connection);
            if (!calls.isEmpty() && staged != calls.size()) {
                log.warn("Batch {}: {} rows staged but {} calls passed in", batchId, staged, calls.size());
            }
            gates.check(connection, batchId);
            int upserted = upsert(connection, batchId);
            dialect.insertQuarantine(connection, names.quarantine(), quarantine, batchId);
            dialect.dropStage(connection, STAGE);
            dialect.recordBatch(connection, names.loadBatches(), TableNames.FUNCTION_CALLS, batchId, upserted,
                    quarantine.size());
            connection.commit();
            log.info("Loaded batch {} into {}: {} rows upserted, {} quarantined, in {} ms", batchId,
                    names.functionCalls(), upserted, quarantine.size(), (System.nanoTime() - started) / 1_000_000);
            return new LoadResult(TableNames.FUNCTION_CALLS, batchId, false, upserted, quarantine.size());
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            log.warn("Batch {} of {} rolled back, nothing written: {}", batchId, names.functionCalls(), e.toString());
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** DELETE then INSERT rather than MERGE: Redshift and every PostgreSQL version take it the same way. */
    String deleteSql() {
        String target = names.functionCalls();
        return "DELETE FROM " + target + " USING " + STAGE + " WHERE " + target + ".call_id = " + STAGE + ".call_id";
    }

    String insertSql() {
        String columns = FunctionCallColumn.nameList();
        return "INSERT INTO " + names.functionCalls() + " (" + columns + ", load_batch_id, loaded_at) SELECT "
                + columns + ", ?, " + dialect.nowExpression() + " FROM " + STAGE;
    }

    private int upsert(Connection connection, String batchId) throws SQLException {
        int replaced;
        try (Statement delete = connection.createStatement()) {
            replaced = delete.executeUpdate(deleteSql());
        }
        try (PreparedStatement insert = connection.prepareStatement(insertSql())) {
            insert.setString(1, batchId);
            int inserted = insert.executeUpdate();
            log.debug("Batch {}: {} existing rows replaced, {} rows inserted", batchId, replaced, inserted);
            return inserted;
        }
    }

    private static long countStage(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + STAGE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
