package io.tributary.warehouse.load;

import io.tributary.warehouse.dialect.SqlDialect;
import io.tributary.warehouse.schema.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics and vacuum policy after a committed load, counted in batches from the ledger: ANALYZE after the
 * first batch of a table and every N-th after it (the planner needs row counts, and upserts shift distributions);
 * on Redshift VACUUM every M-th (DELETE+INSERT leaves deleted rows and an unsorted region). Runs outside the load
 * transaction (VACUUM must); a failure is logged, never fails the committed load.
 */
final class Maintenance {
    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

    private final SqlDialect dialect;
    private final TableNames names;
    private final LoadPolicy policy;

    Maintenance(SqlDialect dialect, TableNames names, LoadPolicy policy) {
        this.dialect = dialect;
        this.names = names;
        this.policy = policy;
    }

    /** The statements due after the {@code loadedBatches}-th batch of a table. */
    List<String> due(String target, long loadedBatches) {
        var statements = new ArrayList<String>();
        dialect.vacuumSql(target).filter(v -> every(policy.vacuumEveryBatches(), loadedBatches))
                .ifPresent(statements::add);
        if (loadedBatches == 1 || every(policy.analyzeEveryBatches(), loadedBatches)) {
            statements.add(dialect.analyzeSql(target));
        }
        return statements;
    }

    void afterLoad(Connection connection, String table, String target) {
        try {
            long loaded = loadedBatches(connection, table);
            List<String> statements = due(target, loaded);
            if (statements.isEmpty()) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    long started = System.nanoTime();
                    statement.execute(sql);
                    log.info("{} after batch #{} of {} took {} ms", sql, loaded, table,
                            (System.nanoTime() - started) / 1_000_000);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            log.warn("Maintenance of {} failed (the load itself is committed): {}", target, e.getMessage());
        }
    }

    private long loadedBatches(Connection connection, String table) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + names.loadBatches() + " WHERE table_name = ?")) {
            count.setString(1, table);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean every(int n, long loadedBatches) {
        return n > 0 && loadedBatches % n == 0;
    }
}
