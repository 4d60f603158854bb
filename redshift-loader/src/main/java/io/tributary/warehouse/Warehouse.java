package io.tributary.warehouse;

import io.tributary.warehouse.dialect.JdbcUrls;
import io.tributary.warehouse.dialect.SqlDialect;
import io.tributary.warehouse.load.FunctionCallLoad;
import io.tributary.warehouse.load.WebLoad;
import io.tributary.warehouse.schema.AnalystRole;
import io.tributary.warehouse.schema.KnownTable;
import io.tributary.warehouse.schema.Migrator;
import io.tributary.warehouse.schema.TableNames;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse as the pipeline sees it: migrations, batch loads with a ledger, and a few read queries. Holds one
 * JDBC connection (reopened if it went stale); methods are synchronized, so one instance serves one caller at a time.
 */
public final class Warehouse implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private final WarehouseConfig config;
    private final SqlDialect dialect;
    private final TableNames names;
    private final Driver driver;
    private final FunctionCallLoad functionCallLoad;
    private final WebLoad webLoad;
    private Connection connection;

    private Warehouse(WarehouseConfig config, SqlDialect dialect, Driver driver) {
        this.config = config;
        this.dialect = dialect;
        this.names = new TableNames(config.schema(), config.metaSchema());
        this.driver = driver;
        this.functionCallLoad = new FunctionCallLoad(dialect, names, config.loadPolicy());
        this.webLoad = new WebLoad(dialect, names, config.loadPolicy());
    }

    /** Opens a connection with the driver the URL's dialect needs (never DriverManager's guess). */
    public static Warehouse connect(WarehouseConfig config) throws SQLException {
        SqlDialect dialect = config.dialect();
        Warehouse warehouse = new Warehouse(config, dialect, instantiate(dialect.driverClassName()));
        warehouse.connection = warehouse.open();
        log.info("Connected to warehouse ({} dialect): {}", dialect.name(), config);
        return warehouse;
    }

    /** Creates or upgrades the schemas and tables; idempotent. Returns the migration versions it applied. */
    public synchronized List<Integer> migrate() throws SQLException {
        List<Integer> applied = new Migrator(dialect, names).migrate(connection());
        if (!applied.isEmpty()) {
            log.info("Warehouse schema {} migrated, versions applied: {}", names.schema(), applied);
        }
        if (config.analystRole().isPresent()) {
            new AnalystRole(dialect, names, config.analystRole().get()).apply(connection());
        }
        return applied;
    }

    /**
     * Loads one batch of calls and quarantined events in one transaction. A batch id already in the ledger loads
     * nothing and returns {@code skipped=true}.
     *
     * @param s3ManifestUrl the staging parquet's manifest; required by Redshift (COPY), ignored by PostgreSQL
     * @throws DataQualityException when a staged row fails a gate (rolled back, nothing written)
     * @throws SQLException         on any database error (rolled back, nothing written)
     */
    public synchronized LoadResult loadFunctionCalls(String batchId, List<FunctionCallRow> calls,
                                                     List<QuarantineRow> quarantine, Optional<String> s3ManifestUrl)
            throws SQLException {
        return functionCallLoad.run(connection(), batchId, calls, quarantine, s3ManifestUrl);
    }

    /**
     * As {@link #loadFunctionCalls(String, List, List, Optional)}, and deletes the provisional calls the pairing
     * retracted (ids disjoint from {@code calls}) in the same transaction.
     */
    public synchronized LoadResult loadFunctionCalls(String batchId, List<FunctionCallRow> calls,
                                                     List<String> retractedCallIds, List<QuarantineRow> quarantine,
                                                     Optional<String> s3ManifestUrl) throws SQLException {
        return functionCallLoad.run(connection(), batchId, calls, retractedCallIds, quarantine, s3ManifestUrl);
    }

    /**
     * Loads one batch of web requests (key event_id; a replayed request replaces its row).
     *
     * @param s3ManifestUrl the staging parquet's manifest; required by Redshift (COPY), ignored by PostgreSQL
     */
    public synchronized LoadResult loadWebRequests(String batchId, List<WebRequestRow> rows,
                                                   Optional<String> s3ManifestUrl) throws SQLException {
        return webLoad.requests(connection(), batchId, rows, List.of(), s3ManifestUrl);
    }

    /** As above, with the batch's malformed web.requests lines for the quarantine table (same transaction). */
    public synchronized LoadResult loadWebRequests(String batchId, List<WebRequestRow> rows,
                                                   List<QuarantineRow> quarantine, Optional<String> s3ManifestUrl)
            throws SQLException {
        return webLoad.requests(connection(), batchId, rows, quarantine, s3ManifestUrl);
    }

    /**
     * Loads one batch of session versions (key session_id): a row replaces the stored one only when its version is
     * higher or equal, so an older version never overwrites a newer one, whatever order batches arrive in.
     */
    public synchronized LoadResult loadWebSessions(String batchId, List<WebSessionRow> rows,
                                                   Optional<String> s3ManifestUrl) throws SQLException {
        return webLoad.sessions(connection(), batchId, rows, s3ManifestUrl);
    }

    /**
     * @param table a known table, simple ({@code log_functions_analysis}, {@code quarantine}, {@code load_batches},
     *              {@code schema_migrations}) or schema-qualified
     * @throws IllegalArgumentException for any other name
     */
    public synchronized long countRows(String table) throws SQLException {
        String qualified = KnownTable.resolve(table, names).qualifiedName(names);
        try (Statement statement = connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + qualified)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Calls and continuous p50/p95 duration (seconds, scale 6) per function, ordered by function name. */
    public synchronized List<FunctionStats> functionStats() throws SQLException {
        String sql = "SELECT function_name, COUNT(*) AS calls,"
                + " CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p50_s,"
                + " CAST(percentile_cont(0.95) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p95_s"
                + " FROM " + names.functionCalls() + " GROUP BY function_name ORDER BY function_name";
        List<FunctionStats> stats = new ArrayList<>();
        try (Statement statement = connection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                stats.add(new FunctionStats(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
            }
        }
        return stats;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            throw new IllegalStateException("Warehouse is closed");
        }
        if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
            log.warn("Warehouse connection to {} is no longer valid; reconnecting", JdbcUrls.masked(config.jdbcUrl()));
            closeQuietly(connection);
            connection = open();
        }
        return connection;
    }

    private Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", config.user());
        String password = config.password().value();
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "tributary-redshift-loader");
        Connection opened = driver.connect(config.jdbcUrl(), props);
        if (opened == null) {
            throw new SQLException(driver.getClass().getName() + " does not accept warehouse.jdbc.url "
                    + JdbcUrls.masked(config.jdbcUrl()));
        }
        return opened;
    }

    private static Driver instantiate(String className) {
        try {
            return (Driver) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("JDBC driver " + className + " is not on the classpath", e);
        }
    }

    private static void closeQuietly(Connection stale) {
        try {
            stale.close();
        } catch (SQLException e) {
            log.debug("Closing a stale warehouse connection failed", e);
        }
    }
}
