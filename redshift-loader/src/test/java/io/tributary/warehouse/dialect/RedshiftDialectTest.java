package io.tributary.warehouse.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No Redshift is reachable from here: these pin the SQL the Redshift dialect sends. */
class RedshiftDialectTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/tributary-copy";
    private final RedshiftDialect dialect = new RedshiftDialect(Optional.of(ROLE));

    @Test
    void copyLoadsTheParquetManifestByPositionWithTheIamRole() {
        assertThat(dialect.copySql("stage", "s3://bucket/staging/log_functions_analysis/batch=7/manifest.json"))
                .isEqualTo("COPY stage FROM 's3://bucket/staging/log_functions_analysis/batch=7/manifest.json'"
                        + " IAM_ROLE 'arn:aws:iam::123456789012:role/tributary-copy' FORMAT AS PARQUET MANIFEST");
    }

    @Test
    void copyEscapesQuotesInTheManifestUrl() {
        assertThat(dialect.copySql("stage", "s3://b/it's/manifest.json")).contains("FROM 's3://b/it''s/manifest.json'");
    }

    @Test
    void copyNeedsAnS3ManifestAndARole() {
        assertThatThrownBy(() -> dialect.copySql("stage", "/tmp/manifest.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3://");
        assertThatThrownBy(() -> new RedshiftDialect(Optional.empty()).copySql("stage", "s3://b/m.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warehouse.redshift.iam.role");
    }

    @Test
    void stageHasTheParquetColumnsInOrderDistributedLikeTheTarget() {
        assertThat(dialect.createStageSql("stage")).isEqualTo("CREATE TEMP TABLE stage (call_id VARCHAR(128),"
                + " vehicle_id VARCHAR(256), function_name VARCHAR(256), start_time TIMESTAMP, end_time TIMESTAMP,"
                + " duration DECIMAL(18,6), call_depth INTEGER, event_date DATE) DISTKEY(call_id)");
    }

    @Test
    void ledgerIsLockedThenLookedUpThenInserted() {
        assertThat(dialect.lockTableSql("m.load_batches")).isEqualTo("LOCK m.load_batches");
        assertThat(dialect.ledgerLookupSql("m.load_batches"))
                .isEqualTo("SELECT 1 FROM m.load_batches WHERE table_name = ? AND batch_id = ?");
        assertThat(dialect.ledgerInsertSql("m.load_batches")).isEqualTo("INSERT INTO m.load_batches"
                + " (table_name, batch_id, rows_upserted, quarantined, loaded_at) VALUES (?, ?, ?, ?, SYSDATE)");
    }

    @Test
    void quarantineIsOneMultiRowInsertPerChunk() {
        assertThat(dialect.quarantineInsertSql("m.quarantine", 2)).isEqualTo("INSERT INTO m.quarantine"
                + " (reason, event_id, vehicle_id, function_name, event_type, event_time, seq, event_json,"
                + " load_batch_id, quarantined_at) VALUES"
                + " (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, SYSDATE),"
                + " (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, SYSDATE)");
    }

    @Test
    void durationGateComparesWholeMicroseconds() {
        assertThat(dialect.microsBetween("start_time", "end_time"))
                .isEqualTo("DATEDIFF(microsecond, start_time, end_time)");
    }
}
