package io.tributary.producers.publish;

import io.tributary.config.KafkaClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogPublisherConfigTest {

    @Test
    void safeDeliverySettingsCannotBeOverridden() {
        var config = LogPublisherConfig.of(Map.of(
                LogPublisherConfig.BOOTSTRAP_SERVERS, "a:9092,b:9092",
                "publisher.producer.acks", "1",
                "publisher.producer.enable.idempotence", "false",
                "publisher.producer.compression.type", "gzip"));

        assertThat(config.producerProperties())
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "a:9092,b:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }

    @Test
    void tunablesHaveBatchingDefaultsAndPassThroughOverridesWin() {
        var defaults = LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS, "k:9092")).producerProperties();
        assertThat(defaults)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 15)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 192 * 1024)
                .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000L)
                .doesNotContainKey(SaslConfigs.SASL_JAAS_CONFIG);

        var tuned = LogPublisherConfig.of(Map.of(
                LogPublisherConfig.BOOTSTRAP_SERVERS, "k:9092",
                LogPublisherConfig.LINGER_MS, "5",
                LogPublisherConfig.MAX_BLOCK_MS, "0",
                "publisher.producer.batch.size", "65536")).producerProperties();
        assertThat(tuned)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0L)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
    }

    @Test
    void missingBootstrapServersIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> LogPublisherConfig.of(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(LogPublisherConfig.BOOTSTRAP_SERVERS);
    }

    @Test
    void jaasConfigIsAPasswordThatIsNeverPrinted() {
        String secret = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"s3cret\";";
        var config = LogPublisherConfig.of(Map.of(
                LogPublisherConfig.BOOTSTRAP_SERVERS, "k:9092",
                KafkaClientConfig.SECURITY_PROTOCOL, "SASL_SSL",
                KafkaClientConfig.SASL_MECHANISM, "SCRAM-SHA-512",
                KafkaClientConfig.SASL_JAAS_CONFIG, secret));

        Object jaas = config.producerProperties().get(SaslConfigs.SASL_JAAS_CONFIG);
        assertThat(jaas).isInstanceOf(Password.class);
        assertThat(((Password) jaas).value()).isEqualTo(secret);
        assertThat(jaas.toString()).doesNotContain("s3cret");
        assertThat(config.values().toString()).doesNotContain("s3cret");
        assertThat(config.producerProperties()).containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
    }

    @Test
    void unknownSecurityProtocolIsRejected() {
        assertThatThrownBy(() -> LogPublisherConfig.of(Map.of(
                LogPublisherConfig.BOOTSTRAP_SERVERS, "k:9092", KafkaClientConfig.SECURITY_PROTOCOL, "TLS")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(KafkaClientConfig.SECURITY_PROTOCOL);
    }
}
