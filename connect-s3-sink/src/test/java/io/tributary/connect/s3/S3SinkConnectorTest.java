package io.tributary.connect.s3;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3SinkConnectorTest {

    @Test
    void connectorIsDiscoverableThroughServiceLoader() {
        assertThat(ServiceLoader.load(SinkConnector.class).stream().map(p -> p.type().getName()))
                .contains(S3SinkConnector.class.getName());
    }

    @Test
    void everyTaskGetsTheConnectorConfig() {
        S3SinkConnector connector = new S3SinkConnector();
        Map<String, String> props = Map.of("s3.bucket.name", "tributary-landing", "flush.size", "5");
        connector.start(props);
        assertThat(connector.taskConfigs(3)).containsExactly(props, props, props);
        assertThat(connector.taskClass()).isEqualTo(S3SinkTask.class);
        assertThat(connector.version()).isNotBlank().isNotEqualTo("unknown");
    }

    @Test
    void badConfigFailsTheConnectorAtStart() {
        assertThatThrownBy(() -> new S3SinkConnector().start(Map.of("s3.bucket.name", "x")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void configDefDeclaresConfluentKeyNames() {
        assertThat(new S3SinkConnector().config().names()).contains("s3.bucket.name", "s3.region", "store.url",
                "s3.path.style.access.enabled", "aws.access.key.id", "aws.secret.access.key", "topics.dir",
                "flush.size", "rotate.interval.ms", "rotate.idle.ms", "timezone", "format.class");
    }
}
