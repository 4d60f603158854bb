package io.tributary.warehouse.schema;

import io.tributary.warehouse.dialect.SqlDialect;
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
 * The read-only analyst role: USAGE on both schemas and SELECT on their tables and views, now and for tables the
 * loader's user creates later; nothing else (no INSERT/UPDATE/DELETE, no CREATE in the schemas). Analysts get it with
 * {@code GRANT tributary_analyst TO alice} (PostgreSQL) or {@code GRANT ROLE tributary_analyst TO alice} (Redshift).
 * Applied after every migration so new tables are covered; every statement is idempotent.
 */
public final class AnalystRole {
    private static final Logger log = LoggerFactory.getLogger(AnalystRole.class);

    private final SqlDialect dialect;
    private final TableNames names;
    private final String role;

    /** @param role a validated identifier (see WarehouseConfig), safe to concatenate */
    public AnalystRole(SqlDialect dialect, TableNames names, String role) {
        this.dialect = dialect;
        this.names = names;
        this.role = role;
    }

    private boolean redshift() {
        return dialect.name().equals("redshift");
    }

    public String existsSql() {
        return redshift() ? "SELECT 1 FROM svv_roles WHERE role_name = ?" : "SELECT 1 FROM pg_roles WHERE rolname = ?";
    }

    public String createSql() {
        return redshift() ? "CREATE ROLE " + role : "CREATE ROLE " + role + " NOLOGIN";
    }

    public List<String> grantSql() {
        String grantee = redshift() ? "ROLE " + role : role;
        var statements = new ArrayList<String>();
        for (String schema : List.of(names.schema(), names.metaSchema())) {
            statements.add("GRANT USAGE ON SCHEMA " + schema + " TO " + grantee);
            statements.add("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + grantee);
            statements.add("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT ON TABLES TO " + grantee);
        }
        return statements;
    }

    public void apply(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            boolean exists;
            try (PreparedStatement lookup = connection.prepareStatement(existsSql())) {
                lookup.setString(1, role);
                try (ResultSet rs = lookup.executeQuery()) {
                    exists = rs.next();
                }
            }
            try (Statement statement = connection.createStatement()) {
                if (!exists) {
                    statement.execute(createSql());
                    log.info("Created the read-only analyst role {}", role);
                }
                for (String sql : grantSql()) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
