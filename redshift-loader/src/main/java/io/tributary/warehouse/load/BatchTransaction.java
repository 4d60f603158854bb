package io.tributary.warehouse.load;

import io.tributary.warehouse.DataQualityException;
import io.tributary.warehouse.DqResult;
import io.tributary.warehouse.LoadResult;
import io.tributary.warehouse.dialect.SqlDialect;
import io.tributary.warehouse.schema.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch, one transaction: claim the batch in the ledger → stage → dimensions → DQ gates → merge → retractions /
 * quarantine → DQ results → ledger counts → commit, then the maintenance policy. A failed gate rolls everything back,
 * stores the check results alone (in their own transaction) and throws. Any other failure rolls back and propagates.
 */
final class BatchTransaction {
    private static final Logger log = LoggerFactory.getLogger(BatchTransaction.class);

    private final SqlDialect dialect;
    private final TableNames names;
    private final LoadPolicy policy;

    BatchTransaction(SqlDialect dialect, TableNames names, LoadPolicy policy) {
        this.dialect = dialect;
        this.names = names;
        this.policy = policy;
    }

    LoadResult run(Connection connection, String batchId, StagedBatch batch) throws SQLException {
        if (batchId == null || batchId.isBlank()) {
            throw new IllegalArgumentException("batchId must not be blank");
        }
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        int written;
        int quarantined;
        String phases;
        try {
            if (!dialect.claimBatch(connection, names.loadBatches(), batch.table(), batchId)) {
                connection.rollback();
                log.info("Batch {} of {} is already in the ledger {}: skipped, nothing written",
                        batchId, batch.target(), names.loadBatches());
                return new LoadResult(batch.table(), batchId, true, 0, 0);
            }
            long claimed = System.nanoTime();
            batch.stage(connection);
            long staged = System.nanoTime();
            execute(connection, batch.dimensionSql());
            long dims = System.nanoTime();
            List<DqResult> checks = batch.gates().run(connection, batch.expectedRows(), policy.maxFutureSeconds());
            long gated = System.nanoTime();
            if (checks.stream().anyMatch(r -> !r.passed())) {
                connection.rollback();
                recordChecks(connection, batch.table(), batchId, checks);
                connection.commit();
                throw new DataQualityException(batchId, checks);
            }
            written = batch.merge(connection, batchId);
            long merged = System.nanoTime();
            quarantined = batch.afterMerge(connection, batchId);
            recordChecks(connection, batch.table(), batchId, checks);
            batch.dropStage(connection);
            dialect.recordBatch(connection, names.loadBatches(), batch.table(), batchId, written, quarantined);
            long recorded = System.nanoTime();
            connection.commit();
            long committed = System.nanoTime();
            phases = String.format("claim %d, stage %d, dimensions %d, gates %d, merge %d, rest %d, commit %d",
                    ms(claimed - started), ms(staged - claimed), ms(dims - staged), ms(gated - dims),
                    ms(merged - gated), ms(recorded - merged), ms(committed - recorded));
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            log.warn("Batch {} of {} rolled back, nothing written: {}", batchId, batch.target(), e.getMessage());
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        log.info("Loaded batch {} into {}: {} rows written, {} quarantined, in {} ms ({} ms)", batchId,
                batch.target(), written, quarantined, ms(System.nanoTime() - started), phases);
        new Maintenance(dialect, names, policy).afterLoad(connection, batch.table(), batch.target());
        return new LoadResult(batch.table(), batchId, false, written, quarantined);
    }

    String dqInsertSql() {
        return "INSERT INTO " + names.dqResults() + " (table_name, batch_id, check_name, passed, observed, expected,"
                + " detail, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, " + dialect.nowExpression() + ")";
    }

    private void recordChecks(Connection connection, String table, String batchId, List<DqResult> checks)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(dqInsertSql())) {
            for (DqResult check : checks) {
                insert.setString(1, table);
                insert.setString(2, batchId);
                insert.setString(3, check.check());
                insert.setBoolean(4, check.passed());
                insert.setLong(5, check.observed());
                if (check.expected() == null) {
                    insert.setNull(6, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(6, check.expected());
                }
                insert.setString(7, check.detail() == null ? null
                        : check.detail().substring(0, Math.min(1000, check.detail().length())));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
