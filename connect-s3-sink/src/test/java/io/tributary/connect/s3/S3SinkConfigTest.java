package io.tributary.connect.s3;

import io.tributary.connect.s3.partition.WriterSettings;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.HashMap;
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
        assertThat(config.writerSettings()).isEqualTo(new WriterSettings("landing", ZoneId.of("UTC"),
                10_000, 60_000, 10_000));
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
}
