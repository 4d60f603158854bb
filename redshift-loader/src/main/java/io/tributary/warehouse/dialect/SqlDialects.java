package io.tributary.warehouse.dialect;

import java.util.Optional;

/** Picks the dialect (and so the JDBC driver) from the URL prefix: the Redshift driver cannot talk to PostgreSQL. */
public final class SqlDialects {
    public static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    public static final String REDSHIFT_PREFIX = "jdbc:redshift:";
    public static final String ALLOWED_PREFIXES = POSTGRESQL_PREFIX + " (PostgreSQL), " + REDSHIFT_PREFIX + " (Redshift)";

    private SqlDialects() {
    }

    public static boolean isSupported(String jdbcUrl) {
        return jdbcUrl.startsWith(POSTGRESQL_PREFIX) || jdbcUrl.startsWith(REDSHIFT_PREFIX);
    }

    /**
     * @param redshiftIamRole the role Redshift's COPY assumes; unused by PostgreSQL
     * @throws IllegalArgumentException naming {@code warehouse.jdbc.url} and the allowed prefixes
     */
    public static SqlDialect forJdbcUrl(String jdbcUrl, Optional<String> redshiftIamRole) {
        if (jdbcUrl != null && jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            return new PostgresDialect();
        }
        if (jdbcUrl != null && jdbcUrl.startsWith(REDSHIFT_PREFIX)) {
            return new RedshiftDialect(redshiftIamRole);
        }
        throw new IllegalArgumentException("warehouse.jdbc.url '" + JdbcUrls.masked(jdbcUrl)
                + "' is not supported: it must start with one of " + ALLOWED_PREFIXES);
    }
}
