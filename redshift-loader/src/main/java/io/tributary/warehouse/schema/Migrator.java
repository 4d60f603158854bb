package io.tributary.warehouse.schema;

import io.tributary.warehouse.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the dialect's numbered SQL files in order, in one transaction, recording each in
 * {@code <meta_schema>.schema_migrations}. Hand-written rather than Flyway because Flyway 10+ needs Jackson 2.16+
 * (the Spark 3.5 driver has 2.15.2) and 9.x drags Jackson TOML + gson and predates PostgreSQL 17.
 */
public final class Migrator {
    private static final Logger log = LoggerFactory.getLogger(Migrator.class);

    private final SqlDialect dialect;
    private final TableNames names;
    private final List<Migration> migrations;

    public Migrator(SqlDialect dialect, TableNames names) {
        this(dialect, names, Migration.forDialect(dialect.name()));
    }

    Migrator(SqlDialect dialect, TableNames names, List<Migration> migrations) {
        this.dialect = dialect;
        this.names = names;
        this.migrations = migrations;
    }

    /**
     * Brings the schema to the latest version; a no-op when it is there already.
     *
     * @return the versions applied by this call
     * @throws IllegalStateException when an applied script was edited or the database is newer than this code
     */
    public List<Integer> migrate(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            createHistoryTable(connection);
            connection.commit();
            List<Integer> applied = applyPending(connection);
            connection.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void createHistoryTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + names.metaSchema());
            statement.execute("CREATE TABLE IF NOT EXISTS " + names.schemaMigrations() + " ("
                    + "version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL,"
                    + " applied_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (version))");
        }
    }

    private List<Integer> applyPending(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Two loaders starting together: the second waits here, then sees the first one's versions.
            statement.execute(dialect.lockTableSql(names.schemaMigrations()));
        }
        Map<Integer, String> done = appliedChecksums(connection);
        int latestKnown = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        done.keySet().stream().filter(v -> v > latestKnown).findFirst().ifPresent(v -> {
            throw new IllegalStateException(names.schemaMigrations() + " has version " + v
                    + ", newer than this loader knows (" + latestKnown + "): deploy the newer loader");
        });
        List<Integer> applied = new ArrayList<>();
        for (Migration migration : migrations) {
            String checksum = done.get(migration.version());
            if (checksum != null) {
                if (!checksum.equals(migration.checksum())) {
                    throw new IllegalStateException(migration.resource() + " was changed after it was applied"
                            + " (checksum differs from " + names.schemaMigrations() + "): add a new migration instead");
                }
                continue;
            }
            apply(connection, migration);
            applied.add(migration.version());
        }
        if (applied.isEmpty()) {
            log.info("Warehouse schema {} is up to date at version {} ({})", names.schema(), latestKnown, dialect.name());
        }
        return applied;
    }

    private void apply(Connection connection, Migration migration) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements(names)) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement record = connection.prepareStatement("INSERT INTO " + names.schemaMigrations()
                + " (version, description, checksum, applied_at) VALUES (?, ?, ?, " + dialect.nowExpression() + ")")) {
            record.setInt(1, migration.version());
            record.setString(2, migration.description());
            record.setString(3, migration.checksum());
            record.executeUpdate();
        }
        log.info("Applied warehouse migration {} ({}) to schema {}", migration.resource(), dialect.name(), names.schema());
    }

    private Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, checksum FROM " + names.schemaMigrations())) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
