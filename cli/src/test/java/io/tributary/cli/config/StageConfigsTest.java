package io.tributary.cli.config;

import io.tributary.batch.config.BatchConfig;
import io.tributary.cli.pipeline.ConnectorsConfig;
import io.tributary.streams.app.StreamsAppConfig;
import io.tributary.warehouse.WarehouseConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageConfigsTest {

    private static final Map<String, String> STACK = Map.of(
            "kafka.bootstrap.servers", "127.0.0.1:39092", "connect.url", "http://127.0.0.1:38083",
            "s3.endpoint", "http://127.0.0.1:39000", "s3.bucket", "tributary", "s3.path.style.access", "true",
            "warehouse.jdbc.url", "jdbc:postgresql://127.0.0.1:35432/postgres");

    @Test
    void everyStageDefinitionLoadsWithOnlyTheStacksEndpoints() {
        Map<String, String> props = StageConfigs.resolve(options(), STACK, StageConfigs.PIPELINE);

        assertThat(new StreamsAppConfig(StageConfigs.only(props, StreamsAppConfig.CONFIG_DEF)).topicPartitions())
                .isEqualTo(4);
        assertThat(new ConnectorsConfig(StageConfigs.only(props, ConnectorsConfig.CONFIG_DEF)).templateValues())
                .containsEntry("s3.endpoint", "http://127.0.0.1:39000").doesNotContainKey("flush.size");
        assertThat(WarehouseConfig.of(StageConfigs.only(props, WarehouseConfig.CONFIG_DEF)).jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:35432/postgres");
    }

    @Test
    void stackEndpointsAreTheLowestLayerUnderEnvironmentAndSet() {
        Map<String, String> props = StageConfigs.resolve(options("--set", "s3.bucket=landing-b"), STACK,
                List.of(BatchConfig.CONFIG, WarehouseConfig.CONFIG_DEF));

        assertThat(props).containsEntry("s3.bucket", "landing-b")
                .containsEntry("s3.endpoint", "http://127.0.0.1:39000")
                .as("endpoint keys no definition of this command declares stay out")
                .doesNotContainKeys("kafka.bootstrap.servers", "connect.url");
    }

    @Test
    void badValueOfAStageKeyFailsNamingTheKeyAndWhatIsAllowed() {
        var props = StageConfigs.resolve(options("--set", "sink.flush.size=0"), STACK, StageConfigs.PIPELINE);

        assertThatThrownBy(() -> new ConnectorsConfig(StageConfigs.only(props, ConnectorsConfig.CONFIG_DEF)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sink.flush.size")
                .hasMessageContaining("at least 1");
    }

    @Test
    void misspelledKeyUnderAStagePrefixIsRefused() {
        assertThatThrownBy(() -> StageConfigs.resolve(options("--set", "streams.metric.port=9"), STACK,
                StageConfigs.PIPELINE)).isInstanceOf(ConfigException.class).hasMessageContaining("streams.metric.port");
    }

    @Test
    void missingEndpointNamesItsKeyAndHowToStartAStack() {
        assertThatThrownBy(() -> StageConfigs.require(Map.of(), WarehouseConfig.JDBC_URL, "warehouse"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("warehouse.jdbc.url")
                .hasMessageContaining("./tributary run")
                .hasMessageContaining("TRIBUTARY_WAREHOUSE_JDBC_URL");
    }

    private static ConfigOptions options(String... args) {
        var options = new ConfigOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
