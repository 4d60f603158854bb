package io.tributary.warehouse.load;

import io.tributary.warehouse.LoadResult;
import io.tributary.warehouse.WebRequestRow;
import io.tributary.warehouse.WebSessionRow;
import io.tributary.warehouse.dialect.PostgresCopyCsv;
import io.tributary.warehouse.dialect.SqlDialect;
import io.tributary.warehouse.schema.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Loads web_requests (key event_id) and web_sessions (key session_id, version-aware) batches, each in one
 * {@link BatchTransaction}: stage → dims (site, date) → gates → merge → ledger.
 */
public final class WebLoad {
    static final String REQUEST_STAGE = "tributary_stage_" + TableNames.WEB_REQUESTS;
    static final String SESSION_STAGE = "tributary_stage_" + TableNames.WEB_SESSIONS;

    private final SqlDialect dialect;
    private final TableNames names;
    private final BatchTransaction transaction;
    private final DataQualityGates requestGates;
    private final DataQualityGates sessionGates;

    public WebLoad(SqlDialect dialect, TableNames names, LoadPolicy policy) {
        this.dialect = dialect;
        this.names = names;
        this.transaction = new BatchTransaction(dialect, names, policy);
        String requestKey = "'event_id=' || COALESCE(event_id, 'NULL') || ', site=' || COALESCE(site, 'NULL')";
        this.requestGates = new DataQualityGates(REQUEST_STAGE, List.of(
                DataQualityGates.rowGate("not_null", REQUEST_STAGE, requestKey, "event_id IS NULL OR site IS NULL"
                        + " OR event_time IS NULL OR client_ip IS NULL OR method IS NULL OR path IS NULL"
                        + " OR status IS NULL OR event_date IS NULL"),
                DataQualityGates.uniqueGate("unique_event_id", REQUEST_STAGE, "event_id"),
                DataQualityGates.rowGate("status_is_http", REQUEST_STAGE, requestKey, "status < 100 OR status > 599"),
                DataQualityGates.rowGate("response_ms_not_negative", REQUEST_STAGE, requestKey,
                        "response_ms < 0 OR bytes < 0"),
                DimensionSql.orphanGate("no_orphan_site", REQUEST_STAGE, "event_id", "site", names.dim("dim_site"),
                        "site"),
                DimensionSql.orphanGate("no_orphan_date", REQUEST_STAGE, "event_id", "event_date",
                        names.dim("dim_date"), "date_key")),
                dialect.secondsSinceNewestSql(REQUEST_STAGE, "event_time"));
        String sessionKey = "'session_id=' || COALESCE(session_id, 'NULL') || ', site=' || COALESCE(site, 'NULL')";
        this.sessionGates = new DataQualityGates(SESSION_STAGE, List.of(
                DataQualityGates.rowGate("not_null", SESSION_STAGE, sessionKey, "session_id IS NULL OR site IS NULL"
                        + " OR visitor_hash IS NULL OR first_event_time IS NULL OR last_event_time IS NULL"
                        + " OR request_count IS NULL OR page_count IS NULL OR bytes IS NULL OR error_count IS NULL"
                        + " OR reached_search IS NULL OR reached_hotel IS NULL OR reached_booking IS NULL"
                        + " OR version IS NULL OR event_date IS NULL"),
                DataQualityGates.uniqueGate("unique_session_id", SESSION_STAGE, "session_id"),
                DataQualityGates.rowGate("last_not_before_first", SESSION_STAGE, sessionKey,
                        "last_event_time < first_event_time"),
                DataQualityGates.rowGate("counts_not_negative", SESSION_STAGE, sessionKey,
                        "request_count < 1 OR page_count < 0 OR bytes < 0 OR error_count < 0 OR version < 1"),
                DimensionSql.orphanGate("no_orphan_site", SESSION_STAGE, "session_id", "site", names.dim("dim_site"),
                        "site"),
                DimensionSql.orphanGate("no_orphan_date", SESSION_STAGE, "session_id", "event_date",
                        names.dim("dim_date"), "date_key")),
                dialect.secondsSinceNewestSql(SESSION_STAGE, "last_event_time"));
    }

    /** @param quarantine lines of web.requests that are not web requests, kept in the quarantine table */
    public LoadResult requests(Connection connection, String batchId, List<WebRequestRow> rows,
                               List<io.tributary.warehouse.QuarantineRow> quarantine, Optional<String> s3ManifestUrl)
            throws SQLException {
        return transaction.run(connection, batchId, new Batch<>(TableNames.WEB_REQUESTS, names.webRequests(),
                REQUEST_STAGE, WebRequestRow.COLUMN_DEFINITIONS, WebRequestRow.COLUMNS, rows,
                PostgresCopyCsv::webRequest, s3ManifestUrl, requestGates) {
            @Override
            public int merge(Connection c, String id) throws SQLException {
                execute(c, requestDeleteSql());
                return insert(c, requestInsertSql(), id);
            }

            @Override
            public int afterMerge(Connection c, String id) throws SQLException {
                dialect.insertQuarantine(c, names.quarantine(), quarantine, id);
                return quarantine.size();
            }
        });
    }

    public LoadResult sessions(Connection connection, String batchId, List<WebSessionRow> rows,
                               Optional<String> s3ManifestUrl) throws SQLException {
        return transaction.run(connection, batchId, new Batch<>(TableNames.WEB_SESSIONS, names.webSessions(),
                SESSION_STAGE, WebSessionRow.COLUMN_DEFINITIONS, WebSessionRow.COLUMNS, rows,
                PostgresCopyCsv::webSession, s3ManifestUrl, sessionGates) {
            @Override
            public int merge(Connection c, String id) throws SQLException {
                execute(c, sessionDeleteSql());
                return insert(c, sessionInsertSql(), id);
            }
        });
    }

    public String requestDeleteSql() {
        String target = names.webRequests();
        return "DELETE FROM " + target + " USING " + REQUEST_STAGE + " WHERE " + target + ".event_id = "
                + REQUEST_STAGE + ".event_id";
    }

    public String requestInsertSql() {
        return "INSERT INTO " + names.webRequests() + " (" + WebRequestRow.COLUMNS + ", load_batch_id, loaded_at)"
                + " SELECT " + WebRequestRow.COLUMNS + ", ?, " + dialect.nowExpression() + " FROM " + REQUEST_STAGE;
    }

    /** Removes only stored versions the stage supersedes (same or higher version: a replay rewrites its own row). */
    public String sessionDeleteSql() {
        String target = names.webSessions();
        return "DELETE FROM " + target + " USING " + SESSION_STAGE + " WHERE " + target + ".session_id = "
                + SESSION_STAGE + ".session_id AND " + target + ".version <= " + SESSION_STAGE + ".version";
    }

    /** Inserts a staged version only where no row is left, i.e. where nothing newer is stored. */
    public String sessionInsertSql() {
        String target = names.webSessions();
        return "INSERT INTO " + target + " (" + WebSessionRow.COLUMNS + ", load_batch_id, loaded_at) SELECT "
                + WebSessionRow.COLUMNS + ", ?, " + dialect.nowExpression() + " FROM " + SESSION_STAGE + " s"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + target + " t WHERE t.session_id = s.session_id)";
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static int insert(Connection connection, String sql, String batchId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, batchId);
            return insert.executeUpdate();
        }
    }

    private abstract class Batch<T> implements StagedBatch {
        private final String table;
        private final String target;
        private final String stage;
        private final String definitions;
        private final String columns;
        private final List<T> rows;
        private final Function<T, String> csv;
        private final Optional<String> manifest;
        private final DataQualityGates gates;

        Batch(String table, String target, String stage, String definitions, String columns, List<T> rows,
              Function<T, String> csv, Optional<String> manifest, DataQualityGates gates) {
            this.table = table;
            this.target = target;
            this.stage = stage;
            this.definitions = definitions;
            this.columns = columns;
            this.rows = rows;
            this.csv = csv;
            this.manifest = manifest;
            this.gates = gates;
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public String target() {
            return target;
        }

        @Override
        public void stage(Connection connection) throws SQLException {
            dialect.stageRows(connection, stage, definitions, columns, rows, csv, manifest);
        }

        @Override
        public List<String> dimensionSql() {
            return DimensionSql.forWeb(names, stage);
        }

        @Override
        public DataQualityGates gates() {
            return gates;
        }

        @Override
        public OptionalLong expectedRows() {
            return rows.isEmpty() && manifest.isPresent() && dialect.name().equals("redshift")
                    ? OptionalLong.empty() : OptionalLong.of(rows.size());
        }

        @Override
        public int afterMerge(Connection connection, String batchId) throws SQLException {
            return 0;
        }

        @Override
        public void dropStage(Connection connection) throws SQLException {
            dialect.dropStage(connection, stage);
        }
    }
}
