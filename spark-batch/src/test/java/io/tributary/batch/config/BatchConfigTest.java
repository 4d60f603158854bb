package io.tributary.batch.config;

import io.tributary.batch.BatchMain;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchConfigTest {
    private static final List<String> REQUIRED = List.of(
            "--set", "s3.bucket=lake", "--set", "spark.checkpoint.location=/tmp/cp",
            "--set", "warehouse.jdbc.url=jdbc:postgresql://127.0.0.1:5432/postgres");

    @Test
    void laterSourcesWinFileThenEnvironmentThenSet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tributary.properties");
        Files.writeString(file, "s3.bucket=from-file\nspark.trigger=30s\nkafka.bootstrap.servers=ignored:9092\n"
                + "spark.checkpoint.location=/cp\nwarehouse.jdbc.url=jdbc:postgresql://h/db\n");
        var config = BatchMain.parse(List.of("--config", file.toString(), "--set", "spark.trigger=available-now"),
                Map.of("TRIBUTARY_S3_BUCKET", "from-env", "TRIBUTARY_WAREHOUSE_PASSWORD", "pw",
                        "AWS_ACCESS_KEY_ID", "AK", "AWS_SECRET_ACCESS_KEY", "SK"));

        assertThat(config.s3Bucket()).isEqualTo("from-env");
        assertThat(config.trigger().isAvailableNow()).isTrue();
        assertThat(config.warehouseProps()).containsEntry("warehouse.password", "pw");
        assertThat(config.s3Keys()).hasValueSatisfying(k -> {
            assertThat(k.accessKey()).isEqualTo("AK");
            assertThat(k.secretKey().value()).isEqualTo("SK");
        });
        assertThat(config.describe()).doesNotContain("pw", "SK").contains("s3.bucket=from-env");
    }

    @Test
    void defaultsMatchTheApiContract() {
        var config = BatchMain.parse(REQUIRED, Map.of());

        assertThat(config.sparkMaster()).isEqualTo("local[2]");
        assertThat(config.trigger()).isEqualTo(new TriggerSpec(java.util.Optional.of(Duration.ofMinutes(10))));
        assertThat(config.s3Scheme()).isEqualTo("s3a");
        assertThat(config.landingTopicsDir()).isEqualTo("landing");
        assertThat(config.maxCallDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(config.allowedLateness()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.s3Keys()).isEmpty();
    }

    @Test
    void badTriggerNamesTheKeyAndWhatIsAllowed() {
        var args = new java.util.ArrayList<>(REQUIRED);
        args.addAll(List.of("--set", "spark.trigger=soon"));

        assertThatThrownBy(() -> BatchMain.parse(args, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("spark.trigger")
                .hasMessageContaining("available-now")
                .hasMessageContaining("30s, 10m, 1h");
    }

    @Test
    void unknownKeyUnderOurPrefixIsRefusedWithTheKnownKeys() {
        var args = new java.util.ArrayList<>(REQUIRED);
        args.addAll(List.of("--set", "pairing.max.duration=2h"));

        assertThatThrownBy(() -> BatchMain.parse(args, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pairing.max.duration")
                .hasMessageContaining("pairing.max.call.duration");
    }

    @Test
    void missingRequiredKeyIsNamed() {
        assertThatThrownBy(() -> BatchMain.parse(List.of("--set", "s3.bucket=lake"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("spark.checkpoint.location");
    }

    @Test
    void onlyOneOfTheS3KeysIsRefused() {
        var args = new java.util.ArrayList<>(REQUIRED);
        args.addAll(List.of("--set", "s3.access.key=AK"));

        assertThatThrownBy(() -> BatchMain.parse(args, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("s3.secret.key")
                .hasMessageNotContaining("AK");
    }
}
