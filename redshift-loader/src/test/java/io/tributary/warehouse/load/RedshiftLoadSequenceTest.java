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
    private final SqlDialect redshift = SqlDialects.forJdbcUrl("jdbc:redshift://c:5439/dev",
            Optional.of("arn:aws:iam::123456789012:role/copy"));
    private final FunctionCallLoad load = new FunctionCallLoad(redshift, new TableNames("tributary", "tributary_meta"));

    @Test
    void newBatchLocksLedgerStagesFromS3GatesUpsertsQuarantinesRecordsAndCommits() throws Exception {
        RecordingConnection db = new RecordingConnection(sql -> sql.startsWith("SELECT COUNT(*)")
                ? Optional.of("3") : sql.startsWith("INSERT INTO tributary.log_functions_analysis")
                ? Optional.of("3") : Optional.empty());
        QuarantineRow late = new QuarantineRow("late", "e1", "V1", "f", "START",
                Instant.parse("2020-01-01T00:00:00.000001Z"), null, "{}");

        LoadResult result = load.run(db.connection(), "b7", List.of(), List.of(late), Optional.of(MANIFEST));

        assertThat(result).isEqualTo(new LoadResult("log_functions_analysis", "b7", false, 3, 1));
        List<String> expected = new ArrayList<>(List.of(
                "LOCK tributary_meta.load_batches",
                "SELECT 1 FROM tributary_meta.load_batches WHERE table_name = ? AND batch_id = ?",
                "DROP TABLE IF EXISTS " + STAGE,
                redshift.createStageSql(STAGE),
                "COPY " + STAGE + " FROM '" + MANIFEST + "' IAM_ROLE 'arn:aws:iam::123456789012:role/copy'"
                        + " FORMAT AS PARQUET MANIFEST",
                "SELECT COUNT(*) FROM " + STAGE));
        new DataQualityGates(redshift, STAGE).gates().forEach(gate -> expected.add(gate.sql()));
        expected.addAll(List.of(
                "DELETE FROM tributary.log_functions_analysis USING " + STAGE
                        + " WHERE tributary.log_functions_analysis.call_id = " + STAGE + ".call_id",
                "INSERT INTO tributary.log_functions_analysis (call_id, vehicle_id, function_name, start_time,"
                        + " end_time, duration, call_depth, event_date, load_batch_id, loaded_at) SELECT call_id,"
                        + " vehicle_id, function_name, start_time, end_time, duration, call_depth, event_date, ?,"
                        + " SYSDATE FROM " + STAGE,
                "INSERT INTO tributary_meta.quarantine (reason, event_id, vehicle_id, function_name, event_type,"
                        + " event_time, seq, event_json, load_batch_id, quarantined_at) VALUES"
                        + " (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, SYSDATE)",
                "DROP TABLE " + STAGE,
                "INSERT INTO tributary_meta.load_batches (table_name, batch_id, rows_upserted, quarantined,"
                        + " loaded_at) VALUES (?, ?, ?, ?, SYSDATE)",
                "COMMIT"));
        assertThat(db.sql()).containsExactlyElementsOf(expected);
        assertThat(db.executed.get(1).params()).containsExactly("log_functions_analysis", "b7");
        assertThat(db.executed.get(db.executed.size() - 5).params()).containsExactly("b7");
        assertThat(db.executed.get(db.executed.size() - 4).params()).containsExactly("late", "e1", "V1", "f",
                "START", "2020-01-01 00:00:00.000001", null, "{}", "b7");
        assertThat(db.executed.get(db.executed.size() - 2).params())
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
    void failedGateRollsBackBeforeTouchingTheTarget() {
        RecordingConnection db = new RecordingConnection(sql -> sql.startsWith("SELECT COUNT(*)") ? Optional.of("2")
                : sql.contains("WHERE end_time < start_time") ? Optional.of("call_id=c9, vehicle_id=V1")
                : Optional.empty());

        assertThatThrownBy(() -> load.run(db.connection(), "b7", List.of(), List.of(), Optional.of(MANIFEST)))
                .isInstanceOfSatisfying(DataQualityException.class, e -> {
                    assertThat(e.gate()).isEqualTo("end_not_before_start");
                    assertThat(e.sampleKey()).isEqualTo("call_id=c9, vehicle_id=V1");
                });
        assertThat(db.sql()).last().isEqualTo("ROLLBACK");
        assertThat(db.sql()).noneMatch(sql -> sql.startsWith("DELETE") || sql.startsWith("INSERT"));
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
