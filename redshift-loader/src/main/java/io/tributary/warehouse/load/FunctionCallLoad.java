package io.tributary.warehouse.load;

import io.tributary.warehouse.FunctionCallColumn;
import io.tributary.warehouse.FunctionCallRow;
import io.tributary.warehouse.LoadResult;
import io.tributary.warehouse.QuarantineRow;
import io.tributary.warehouse.dialect.SqlDialect;
import io.tributary.warehouse.schema.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one batch of calls into {@code log_functions_analysis} in one transaction ({@link BatchTransaction}):
 * stage → dims (vehicle, function, date) → gates → DELETE USING stage + INSERT → retractions → quarantine → ledger.
 */
public final class FunctionCallLoad {
    private static final Logger log = LoggerFactory.getLogger(FunctionCallLoad.class);
    static final String STAGE = "tributary_stage_" + TableNames.FUNCTION_CALLS;
    /** Rows per DELETE … IN (…): retractions are rare and few, a parameter list keeps them out of the stage. */
    static final int RETRACTIONS_PER_DELETE = 500;

    private final SqlDialect dialect;
    private final TableNames names;
    private final DataQualityGates gates;
    private final BatchTransaction transaction;

    public FunctionCallLoad(SqlDialect dialect, TableNames names) {
        this(dialect, names, LoadPolicy.DEFAULT);
    }

    public FunctionCallLoad(SqlDialect dialect, TableNames names, LoadPolicy policy) {
        this.dialect = dialect;
        this.names = names;
        this.gates = gates(dialect, names);
        this.transaction = new BatchTransaction(dialect, names, policy);
    }

    /** The checks of a call batch: keys, times, durations, depth, dimension members, freshness. */
    static DataQualityGates gates(SqlDialect dialect, TableNames names) {
        // COALESCE: a NULL anywhere in || would blank the whole sample key.
        String key = "'call_id=' || COALESCE(call_id, 'NULL') || ', vehicle_id=' || COALESCE(vehicle_id, 'NULL')"
                + " || ', function_name=' || COALESCE(function_name, 'NULL')"
                + " || ', start_time=' || COALESCE(CAST(start_time AS VARCHAR), 'NULL')";
        return new DataQualityGates(STAGE, List.of(
                DataQualityGates.rowGate("not_null", STAGE, key, "call_id IS NULL OR vehicle_id IS NULL"
                        + " OR function_name IS NULL OR start_time IS NULL OR end_time IS NULL OR duration IS NULL"
                        + " OR call_depth IS NULL OR event_date IS NULL"),
                DataQualityGates.uniqueGate("unique_call_id", STAGE, "call_id"),
                DataQualityGates.rowGate("end_not_before_start", STAGE, key, "end_time < start_time"),
                DataQualityGates.rowGate("duration_not_negative", STAGE, key, "duration < 0"),
                DataQualityGates.rowGate("duration_is_end_minus_start", STAGE, key,
                        "duration * 1000000 <> " + dialect.microsBetween("start_time", "end_time")),
                DataQualityGates.rowGate("call_depth_not_negative", STAGE, key, "call_depth < 0"),
                DimensionSql.orphanGate("no_orphan_vehicle", STAGE, "call_id", "vehicle_id",
                        names.dim("dim_vehicle"), "vehicle_id"),
                DimensionSql.orphanGate("no_orphan_function", STAGE, "call_id", "function_name",
                        names.dim("dim_function"), "function_name"),
                DimensionSql.orphanGate("no_orphan_date", STAGE, "call_id", "event_date",
                        names.dim("dim_date"), "date_key")),
                dialect.secondsSinceNewestSql(STAGE, "end_time"));
    }

    public DataQualityGates gates() {
        return gates;
    }

    public LoadResult run(Connection connection, String batchId, List<FunctionCallRow> calls,
                          List<QuarantineRow> quarantine, Optional<String> s3ManifestUrl) throws SQLException {
        return run(connection, batchId, calls, List.of(), quarantine, s3ManifestUrl);
    }

    /**
     * @param retractedCallIds provisional calls loaded by earlier batches that the pairing withdrew: deleted in the
     *                         same transaction (never overlapping {@code calls})
     */
    public LoadResult run(Connection connection, String batchId, List<FunctionCallRow> calls,
                          List<String> retractedCallIds, List<QuarantineRow> quarantine,
                          Optional<String> s3ManifestUrl) throws SQLException {
        return transaction.run(connection, batchId, new StagedBatch() {
            @Override
            public String table() {
                return TableNames.FUNCTION_CALLS;
            }

            @Override
            public String target() {
                return names.functionCalls();
            }

            @Override
            public void stage(Connection c) throws SQLException {
                dialect.stageFunctionCalls(c, STAGE, calls, s3ManifestUrl);
            }

            @Override
            public List<String> dimensionSql() {
                return DimensionSql.forCalls(names, STAGE);
            }

            @Override
            public DataQualityGates gates() {
                return gates;
            }

            @Override
            public OptionalLong expectedRows() {
                // the Redshift path may stage from S3 without the rows in hand: then only the stage knows
                return calls.isEmpty() && s3ManifestUrl.isPresent() && dialect.name().equals("redshift")
                        ? OptionalLong.empty() : OptionalLong.of(calls.size());
            }

            @Override
            public int merge(Connection c, String id) throws SQLException {
                return upsert(c, id);
            }

            @Override
            public int afterMerge(Connection c, String id) throws SQLException {
                int retracted = retract(c, retractedCallIds);
                if (retracted > 0) {
                    log.info("Batch {}: {} provisional call(s) retracted", id, retracted);
                }
                // a backfill or a new checkpoint quarantines the same events again: the latest decision replaces
                deleteByIds(c, names.quarantine(), "event_id",
                        quarantine.stream().map(QuarantineRow::eventId).filter(java.util.Objects::nonNull).toList());
                dialect.insertQuarantine(c, names.quarantine(), quarantine, id);
                return quarantine.size();
            }

            @Override
            public void dropStage(Connection c) throws SQLException {
                dialect.dropStage(c, STAGE);
            }
        });
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

    String retractSql(int ids) {
        return deleteByIdsSql(names.functionCalls(), "call_id", ids);
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

    private int retract(Connection connection, List<String> callIds) throws SQLException {
        return deleteByIds(connection, names.functionCalls(), "call_id", callIds);
    }

    static String deleteByIdsSql(String table, String column, int ids) {
        return "DELETE FROM " + table + " WHERE " + column + " IN ("
                + String.join(", ", Collections.nCopies(ids, "?")) + ")";
    }

    private static int deleteByIds(Connection connection, String table, String column, List<String> ids)
            throws SQLException {
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += RETRACTIONS_PER_DELETE) {
            List<String> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + RETRACTIONS_PER_DELETE)));
            try (PreparedStatement delete = connection.prepareStatement(deleteByIdsSql(table, column, chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    delete.setString(i + 1, chunk.get(i));
                }
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }
}
