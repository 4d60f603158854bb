package io.tributary.connect.s3;

import io.tributary.connect.s3.partition.WriterSettings;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3SinkConfigTest {

    private static Map<String, String> with(String... keyValues) {
        Map<String, String> props = new HashMap<>(Map.of("s3.bucket.name", "tributary-landing"));
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void defaultsLandGzipJsonLinesUnderLandingWithTenSecondIdleRotation() {
        S3SinkConfig config = new S3SinkConfig(with());
        WriterSettings settings = config.writerSettings();
        assertThat(settings.topicsDir()).isEqualTo("landing");
        assertThat(settings.format()).isInstanceOf(io.tributary.connect.s3.format.JsonLinesGzipFormat.class);
        assertThat(settings.partitioner().encodedPartition(java.time.Instant.parse("2020-12-31T23:59:59Z")
                .toEpochMilli())).isEqualTo("dt=2020-12-31");
        assertThat(List.of(settings.flushSize(), settings.rotateIntervalMs(), settings.rotateIdleMs(),
                settings.ignoreNulls())).isEqualTo(List.of(10_000, 60_000L, 10_000L, false));
        assertThat(config.maxOpenFilesPerTask()).isEqualTo(100);
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.storeUrl()).isEmpty();
        assertThat(config.pathStyleAccess()).isFalse();
        assertThat(config.awsAccessKeyId()).isEmpty();
        assertThat(config.partSize()).isEqualTo(25 * 1024 * 1024);
    }

    @Test
    void missingBucketIsRejected() {
        assertThatThrownBy(() -> new S3SinkConfig(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("s3.bucket.name");
    }

    @Test
    void invalidValuesAreRejectedSayingWhatIsAllowed() {
        assertThatThrownBy(() -> new S3SinkConfig(with("s3.bucket.name", "My_Bucket")))
                .hasMessageContaining("s3.bucket.name").hasMessageContaining("3-63 characters of a-z");
        assertThatThrownBy(() -> new S3SinkConfig(with("rotate.idle.ms", "0")))
                .hasMessageContaining("rotate.idle.ms").hasMessageContaining("-1 (disabled) or a positive number");
        assertThatThrownBy(() -> new S3SinkConfig(with("timezone", "Mars/Olympus")))
                .hasMessageContaining("timezone").hasMessageContaining("time zone id");
        assertThatThrownBy(() -> new S3SinkConfig(with("store.url", "localhost:9000")))
                .hasMessageContaining("store.url").hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> new S3SinkConfig(with("topics.dir", "/landing/")))
                .hasMessageContaining("topics.dir").hasMessageContaining("without leading or trailing '/'");
        assertThatThrownBy(() -> new S3SinkConfig(with("flush.size", "0")))
                .hasMessageContaining("flush.size").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new S3SinkConfig(with("format.class", "io.confluent.connect.s3.format.json.JsonFormat")))
                .hasMessageContaining("format.class").hasMessageContaining("JsonLinesGzipFormat");
    }

    @Test
    void staticKeysMustComeInPairs() {
        assertThatThrownBy(() -> new S3SinkConfig(with("aws.access.key.id", "AKIAEXAMPLE")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("aws.access.key.id").hasMessageContaining("aws.secret.access.key");
    }

    @Test
    void secretsAreHiddenInPrintedValues() {
        S3SinkConfig config = new S3SinkConfig(with("aws.access.key.id", "AKIAEXAMPLE",
                "aws.secret.access.key", "very-secret", "store.url", "http://127.0.0.1:9000"));
        assertThat(config.values().toString()).doesNotContain("very-secret").doesNotContain("AKIAEXAMPLE");
        assertThat(config.awsSecretAccessKey().value()).isEqualTo("very-secret");
        assertThat(config.storeUrl()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(9000));
    }

    @Test
    void crossFieldRulesNameEveryKeyInvolved() {
        assertThatThrownBy(() -> new S3SinkConfig(with("timestamp.extractor", "RecordField")))
                .hasMessageContaining("timestamp.extractor=RecordField").hasMessageContaining("timestamp.field");
        assertThatThrownBy(() -> new S3SinkConfig(with("timestamp.field", "event_time")))
                .hasMessageContaining("timestamp.field=event_time").hasMessageContaining("timestamp.extractor");
        assertThatThrownBy(() -> new S3SinkConfig(with("path.format", "'dt'=YYYY-MM-DD")))
                .hasMessageContaining("path.format").hasMessageContaining("dd for the day of the month");
        assertThatThrownBy(() -> new S3SinkConfig(with("partition.duration.ms", "3600000")))
                .hasMessageContaining("partition.duration.ms=3600000").hasMessageContaining("path.format");
        assertThat(new S3SinkConfig(with("partition.duration.ms", "3600000", "path.format", "'dt'=YYYY-MM-dd/'hour'=HH",
                "timestamp.extractor", "RecordField", "timestamp.field", "event_time")).writerSettings().timestamps())
                .hasToString("RecordField(event_time)");
    }

    @Test
    void newKeysRejectValuesSayingWhatIsAllowed() {
        assertThatThrownBy(() -> new S3SinkConfig(with("timestamp.extractor", "Wallclock")))
                .hasMessageContaining("Record").hasMessageContaining("RecordField");
        assertThatThrownBy(() -> new S3SinkConfig(with("behavior.on.null.values", "drop")))
                .hasMessageContaining("fail").hasMessageContaining("ignore");
        assertThatThrownBy(() -> new S3SinkConfig(with("path.format", "'dt'=YYYY-MM-dd/")))
                .hasMessageContaining("Joda-Time pattern");
        assertThatThrownBy(() -> new S3SinkConfig(with("max.open.files.per.task", "0")))
                .hasMessageContaining("max.open.files.per.task");
        assertThatThrownBy(() -> new S3SinkConfig(with("s3.part.size", "1000")))
                .hasMessageContaining("s3.part.size");
    }
}
