package io.tributary.streams.app;

import io.tributary.streams.vehicle.VehicleTopologyConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamsAppConfigTest {

    @Test
    void defaultsSuitAOneBrokerStackWithExactlyOnce() {
        var config = StreamsAppConfig.of(Map.of(StreamsAppConfig.BOOTSTRAP_SERVERS, "k:9092"));
        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "tributary-streams")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000L)
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, ".tributary/streams-state");
        assertThat(config.vehicleTopology().rawTopic()).isEqualTo("vehicle.logs.raw");
    }

    @Test
    void overridesTuneStreamsButNeverTheProcessingGuarantee() {
        var config = StreamsAppConfig.of(Map.of(
                StreamsAppConfig.BOOTSTRAP_SERVERS, "k:9092",
                StreamsAppConfig.APPLICATION_ID, "tributary-streams-eu",
                StreamsAppConfig.REPLICATION_FACTOR, "3",
                "streams.override.processing.guarantee", "at_least_once",
                "streams.override.commit.interval.ms", "250"));
        assertThat(config.streamsProperties())
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "tributary-streams-eu")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250");
    }

    @Test
    void embeddedProducerBatchesForThroughputUnlessOverriddenPrefixedOrPlain() {
        assertThat(StreamsAppConfig.of(Map.of(StreamsAppConfig.BOOTSTRAP_SERVERS, "k:9092")).streamsProperties())
                .containsEntry("producer.batch.size", 262_144)
                .containsEntry("producer.linger.ms", 20);
        assertThat(StreamsAppConfig.of(Map.of(StreamsAppConfig.BOOTSTRAP_SERVERS, "k:9092",
                "streams.override.producer.batch.size", "65536", "streams.override.linger.ms", "5")).streamsProperties())
                .containsEntry("producer.batch.size", "65536")
                .containsEntry("linger.ms", "5")
                .doesNotContainKey("producer.linger.ms");
    }

    @Test
    void topologyKeysLiveInTheSameFile() {
        var config = StreamsAppConfig.of(Map.of(StreamsAppConfig.BOOTSTRAP_SERVERS, "k:9092",
                VehicleTopologyConfig.ON_MALFORMED, "FAIL", VehicleTopologyConfig.DLQ_TOPIC, "dead"));
        assertThat(config.vehicleTopology().onMalformed()).isEqualTo(io.tributary.streams.common.OnMalformed.FAIL);
        assertThat(config.vehicleTopology().dlqTopic()).isEqualTo("dead");
    }

    @Test
    void invalidValuesAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(StreamsAppConfig.BOOTSTRAP_SERVERS);
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of(StreamsAppConfig.BOOTSTRAP_SERVERS, "k:9092",
                VehicleTopologyConfig.ON_MALFORMED, "ignore")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(VehicleTopologyConfig.ON_MALFORMED);
    }
}
