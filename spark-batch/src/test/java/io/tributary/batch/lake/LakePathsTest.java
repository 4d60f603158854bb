package io.tributary.batch.lake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LakePathsTest {

    @Test
    void layoutFollowsTheDesignForS3a() {
        var paths = new LakePaths("s3a", "lake", "landing");

        assertThat(paths.vehicleEventsLanding()).isEqualTo("s3a://lake/landing/vehicle.events/");
        assertThat(paths.stagingBatch("t", "q-1")).isEqualTo("s3a://lake/staging/t/batch=q-1/");
        assertThat(paths.processedTable("t")).isEqualTo("s3a://lake/processed/t/");
        assertThat(paths.redshiftUrl("s3a://lake/staging/t/batch=q-1/part-0.parquet"))
                .isEqualTo("s3://lake/staging/t/batch=q-1/part-0.parquet");
    }

    @Test
    void redshiftUrlOfALocalLakeAcceptsHadoopsShortFileUris() {
        var paths = new LakePaths("file", "/tmp/lake", "landing");

        assertThat(paths.redshiftUrl("file:/tmp/lake/staging/t/x.parquet")).isEqualTo("s3:///tmp/lake/staging/t/x.parquet");
        assertThatThrownBy(() -> paths.redshiftUrl("file:/elsewhere/x.parquet"))
                .hasMessageContaining("not under the lake root");
    }
}
