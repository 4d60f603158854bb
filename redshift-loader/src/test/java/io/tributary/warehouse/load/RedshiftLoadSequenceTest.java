package io.tributary.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.warehouse.DataQualityException;
import io.tributary.warehouse.LoadResult;
import io.tributary.warehouse.QuarantineRow;
import io.tributary.warehouse.dialect.SqlDialect;
import io.tributary.warehouse.dialect.SqlDialects;
import io.tributary.warehouse.schema.TableNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Redshift load cannot run here (no Redshift, and its driver cannot talk to PostgreSQL): this pins the statements
 * it sends, in order, over a recording JDBC connection.
 */
class RedshiftLoadSequenceTest {
    private static final String MANIFEST = "s3://lake/staging/log_functions_analysis/batch=7/manifest.json";
    private static final String STAGE = FunctionCallLoad.STAGE;
    private static final TableNames NAMES = new TableNames("tributary", "tributary_meta");
    private final SqlDialect redshift = SqlDialects.forJdbcUrl("jdbc:redshift://c:5439/dev",
            Optional.of("arn:aws:iam::123456789012:role/copy"));
    private final FunctionCallLoad load = new FunctionCallLoad(redshift, NAMES);

    @Test
    void newBatchLocksLedgerStagesFromS3GatesUpsertsRetractsQuarantinesRecordsCommitsAndAnalyzes() throws Exception {
        RecordingConnection db = new RecordingConnection(sql -> sql.equals("SELECT COUNT(*) FROM " + STAGE)
                ? Optional.of("3") : sql.startsWith("SELECT COUNT(*), MIN(") ? Optional.of("0")
                : sql.startsWith("SELECT DATEDIFF") ? Optional.of("120")
                : sql.startsWith("SELECT COUNT(*) FROM tributary_meta.load_batches") ? Optional.of("1")
                : sql.startsWith("INSERT INTO tributary.log_functions_analysis") ? Optional.of("3")
                : Optional.empty());
        QuarantineRow late = new QuarantineRow("late", "e1", "V1", "f", "START",
                Instant.parse("2020-01-01T00:00:00.000001Z"), null, "{}");

        LoadResult result = load.run(db.connection(), "b7", List.of(), List.of("c-old"), List.of(late),
                Optional.of(MANIFEST));

        assertThat(result).isEqualTo(new LoadResult("log_functions_analysis", "b7", false, 3, 1));
        List<String> expected = new ArrayList<>(List.of(
                "LOCK tributary_meta.load_batches",
                "SELECT 1 FROM tributary_meta.load_batches WHERE table_name = ? AND batch_id = ?",
                "DROP TABLE IF EXISTS " + STAGE,
                redshift.createStageSql(STAGE),
                "COPY " + STAGE + " FROM '" + MANIFEST + "' IAM_ROLE 'arn:aws:iam::123456789012:role/copy'"
                        + " FORMAT AS PARQUET MANIFEST"));
        expected.addAll(DimensionSql.forCalls(NAMES, STAGE));
        expected.add("SELECT COUNT(*) FROM " + STAGE);
        load.gates().gates().forEach(gate -> expected.add(gate.sql()));
        expected.add("SELECT DATEDIFF(second, MAX(end_time), GETDATE()) FROM " + STAGE);
        expected.addAll(List.of(
                "DELETE FROM tributary.log_functions_analysis USING " + STAGE
                        + " WHERE tributary.log_functions_analysis.call_id = " + STAGE + ".call_id",
                "INSERT INTO tributary.log_functions_analysis (call_id, vehicle_id, function_name, start_time,"
                        + " end_time, duration, call_depth, event_date, load_batch_id, loaded_at) SELECT call_id,"
                        + " vehicle_id, function_name, start_time, end_time, duration, call_depth, event_date, ?,"
                        + " SYSDATE FROM " + STAGE,
                "DELETE FROM tributary.log_functions_analysis WHERE call_id IN (?)",
                "DELETE FROM tributary_meta.quarantine WHERE event_id IN (?)",
                "INSERT INTO tributary_meta.quarantine (reason, event_id, vehicle_id, function_name, event_type,"
                        + " event_time, seq, event_json, load_batch_id, quarantined_at) VALUES"
                        + " (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, SYSDATE)"));
        for (int i = 0; i < load.gates().gates().size() + 1; i++) {
            expected.add("INSERT INTO tributary_meta.dq_results (table_name, batch_id, check_name, passed, observed,"
                    + " expected, detail, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, SYSDATE)");
        }
        expected.addAll(List.of(
                "DROP TABLE " + STAGE,
                "INSERT INTO tributary_meta.load_batches (table_name, batch_id, rows_upserted, quarantined,"
                        + " loaded_at) VALUES (?, ?, ?, ?, SYSDATE)",
                "COMMIT",
                "SELECT COUNT(*) FROM tributary_meta.load_batches WHERE table_name = ?",
                "ANALYZE tributary.log_functions_analysis PREDICATE COLUMNS"));
        assertThat(db.sql()).containsExactlyElementsOf(expected);
        assertThat(db.executed.get(1).params()).containsExactly("log_functions_analysis", "b7");
        int insert = db.sql().indexOf(expected.get(expected.indexOf("DELETE FROM tributary.log_functions_analysis"
                + " WHERE call_id IN (?)")));
        assertThat(db.executed.get(insert - 1).params()).containsExactly("b7");
        assertThat(db.executed.get(insert).params()).containsExactly("c-old");
        assertThat(db.executed.get(insert + 1).params()).containsExactly("e1");
        assertThat(db.executed.get(insert + 2).params()).containsExactly("late", "e1", "V1", "f",
                "START", "2020-01-01 00:00:00.000001", null, "{}", "b7");
        assertThat(db.executed.get(insert + 3).params())
                .containsExactly("log_functions_analysis", "b7", "not_null", true, 0L, 0L, null);
        assertThat(db.executed.get(db.executed.size() - 6).params())
                .containsExactly("log_functions_analysis", "b7", "freshness", true, 120L, null,
                        "seconds from the newest event to now");
        assertThat(db.executed.get(db.executed.size() - 4).params())
                .containsExactly("log_functions_analysis", "b7", 3, 1);
    }

    @Test
    void batchAlreadyInLedgerWritesNothingAndRollsBack() throws Exception {
        RecordingConnection db = new RecordingConnection(sql -> sql.startsWith("SELECT 1 FROM tributary_meta")
                ? Optional.of("1") : Optional.empty());

        LoadResult result = load.run(db.connection(), "b7", List.of(), List.of(), Optional.of(MANIFEST));

        assertThat(result.skipped()).isTrue();
        assertThat(db.sql()).containsExactly("LOCK tributary_meta.load_batches",
                "SELECT 1 FROM tributary_meta.load_batches WHERE table_name = ? AND batch_id = ?", "ROLLBACK");
    }

    @Test
    void failedGateRollsBackBeforeTouchingTheTargetAndKeepsOnlyTheCheckResults() {
        RecordingConnection db = new RecordingConnection(sql -> sql.equals("SELECT COUNT(*) FROM " + STAGE)
                ? Optional.of("2") : sql.contains("WHERE end_time < start_time") ? Optional.of("1")
                : sql.startsWith("SELECT COUNT(*), MIN(") ? Optional.of("0")
                : sql.startsWith("SELECT DATEDIFF") ? Optional.of("5") : Optional.empty());

        assertThatThrownBy(() -> load.run(db.connection(), "b7", List.of(), List.of(), Optional.of(MANIFEST)))
                .isInstanceOfSatisfying(DataQualityException.class, e -> {
                    assertThat(e.gate()).isEqualTo("end_not_before_start");
                    assertThat(e.getMessage()).contains("end_not_before_start FAILED (observed 1, expected 0");
                });
        List<String> sql = db.sql();
        int rollback = sql.indexOf("ROLLBACK");
        assertThat(sql.subList(0, rollback)).noneMatch(s -> s.startsWith("DELETE")
                || s.startsWith("INSERT INTO tributary.log_functions_analysis") || s.startsWith("INSERT INTO tributary_meta"));
        assertThat(sql.subList(rollback + 1, sql.size() - 2)).allMatch(s -> s.startsWith("INSERT INTO tributary_meta.dq_results"));
        assertThat(sql.subList(sql.size() - 2, sql.size())).containsExactly("COMMIT", "ROLLBACK");
    }

    @Test
    void missingManifestIsRejectedAndRolledBack() {
        RecordingConnection db = new RecordingConnection(sql -> Optional.empty());

        assertThatThrownBy(() -> load.run(db.connection(), "b7", List.of(), List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3ManifestUrl");
        assertThat(db.sql()).last().isEqualTo("ROLLBACK");
    }
}
