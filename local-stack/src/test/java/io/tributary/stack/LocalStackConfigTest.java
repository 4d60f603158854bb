package io.tributary.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

    @Test
    void portAboveRangeIsRejectedNamingTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> LocalStackConfig.of(Map.of(LocalStackConfig.KAFKA_PORT, "70000")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("stack.kafka.port")
            .hasMessageContaining("70000")
            .hasMessageContaining("0 (a free port) or a TCP port 1..65535");
    }

    @Test
    void negativePortIsRejected() {
        assertThatThrownBy(() -> LocalStackConfig.of(Map.of(LocalStackConfig.POSTGRES_PORT, -1)))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("stack.postgres.port")
            .hasMessageContaining("1..65535");
    }

    @Test
    void portThatIsNotANumberIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> LocalStackConfig.of(Map.of(LocalStackConfig.S3_PORT, "abc")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("stack.s3.port")
            .hasMessageContaining("abc");
    }

    @Test
    void sameFixedPortForTwoServersIsRejectedNamingBothKeys() {
        assertThatThrownBy(() -> LocalStackConfig.of(Map.of(LocalStackConfig.KAFKA_PORT, 9092,
            LocalStackConfig.CONNECT_PORT, 9092)))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("stack.kafka.port")
            .hasMessageContaining("stack.connect.port");
    }

    @Test
    void zeroPortsMayRepeat() {
        LocalStackConfig config = LocalStackConfig.of(Map.of(LocalStackConfig.KAFKA_PORT, 0,
            LocalStackConfig.CONNECT_PORT, 0));
        assertThat(config.port(LocalStackConfig.KAFKA_PORT)).isZero();
    }

    @Test
    void malformedHeapSizeIsRejectedWithAnExample() {
        assertThatThrownBy(() -> LocalStackConfig.of(Map.of(LocalStackConfig.KAFKA_HEAP, "lots")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("stack.kafka.heap")
            .hasMessageContaining("256m or 2g");
    }

    @Test
    void bucketNameWithUpperCaseIsRejected() {
        assertThatThrownBy(() -> LocalStackConfig.of(Map.of(LocalStackConfig.S3_BUCKET, "Tributary")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("stack.s3.bucket")
            .hasMessageContaining("S3 bucket name");
    }

    @Test
    void unknownPluginDiscoveryModeIsRejectedListingTheModes() {
        assertThatThrownBy(() -> LocalStackConfig.of(Map.of(LocalStackConfig.CONNECT_PLUGIN_DISCOVERY, "magic")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("stack.connect.plugin.discovery")
            .hasMessageContaining("service_load");
    }

    @Test
    void defaultsPickFreePortsUnderDotTributary() {
        LocalStackConfig config = LocalStackConfig.defaults();
        assertThat(config.dataDir()).isEqualTo(Path.of(".tributary").toAbsolutePath().normalize());
        assertThat(config.port(LocalStackConfig.KAFKA_PORT)).isZero();
        assertThat(config.bucket()).isEqualTo("tributary");
        assertThat(config.clean()).isFalse();
        assertThat(config.pluginDiscovery()).isEqualTo("service_load");
    }

    @Test
    void withReplacesOnlyTheGivenKeys() {
        LocalStackConfig config = LocalStackConfig.of(Map.of(LocalStackConfig.S3_BUCKET, "landing"))
            .with(Map.of(LocalStackConfig.KAFKA_PORT, 19092));
        assertThat(config.bucket()).isEqualTo("landing");
        assertThat(config.port(LocalStackConfig.KAFKA_PORT)).isEqualTo(19092);
    }
}
