package io.tributary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class KafkaClientConfigTest {

    private static final String JAAS =
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"secret\";";

    @Test
    void scramOverTlsWithATruststorePassesEveryClientSettingThrough() {
        var config = new KafkaClientConfig(Map.of(
            KafkaClientConfig.BOOTSTRAP_SERVERS, " b-1.msk:9096,b-2.msk:9096 ",
            KafkaClientConfig.SECURITY_PROTOCOL, "sasl_ssl",
            KafkaClientConfig.SASL_MECHANISM, "SCRAM-SHA-512",
            KafkaClientConfig.SASL_JAAS_CONFIG, JAAS,
            KafkaClientConfig.SSL_TRUSTSTORE_LOCATION, "/etc/kafka/truststore.p12",
            KafkaClientConfig.SSL_TRUSTSTORE_TYPE, "pkcs12",
            KafkaClientConfig.SSL_TRUSTSTORE_PASSWORD, "changeit"));

        Map<String, Object> props = config.clientProperties();

        assertThat(props).containsEntry("bootstrap.servers", "b-1.msk:9096,b-2.msk:9096")
            .containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
            .containsEntry("sasl.jaas.config", new Password(JAAS))
            .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
            .containsEntry("ssl.truststore.type", "PKCS12")
            .containsEntry("ssl.truststore.password", new Password("changeit"))
            .doesNotContainKey("ssl.keystore.location");
        // the names are the client's own: a real client config accepts every one of them
        var admin = new AdminClientConfig(props);
        assertThat(admin.getString("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(admin.getPassword("ssl.truststore.password").value()).isEqualTo("changeit");
        assertThat(config.toString()).doesNotContain("secret").doesNotContain("changeit");
    }

    @Test
    void mutualTlsKeystoreIsPassedWithItsPasswords() {
        var props = new KafkaClientConfig(Map.of(
            KafkaClientConfig.BOOTSTRAP_SERVERS, "broker:9093",
            KafkaClientConfig.SECURITY_PROTOCOL, "SSL",
            KafkaClientConfig.SSL_KEYSTORE_LOCATION, "/etc/kafka/client.jks",
            KafkaClientConfig.SSL_KEYSTORE_PASSWORD, "ks",
            KafkaClientConfig.SSL_KEY_PASSWORD, "key")).clientProperties();

        assertThat(props).containsEntry("ssl.keystore.location", "/etc/kafka/client.jks")
            .containsEntry("ssl.keystore.type", "JKS")
            .containsEntry("ssl.keystore.password", new Password("ks"))
            .containsEntry("ssl.key.password", new Password("key"))
            .doesNotContainKey("sasl.mechanism");
    }

    @Test
    void plaintextSendsNoSecuritySettings() {
        var props = new KafkaClientConfig(Map.of(KafkaClientConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9092"))
            .clientProperties();

        assertThat(props).containsEntry("security.protocol", "PLAINTEXT")
            .doesNotContainKeys("sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location");
    }

    @Test
    void scramWithoutALoginLineNamesTheMissingKeyAndWhy() {
        assertThatThrownBy(() -> new KafkaClientConfig(Map.of(
            KafkaClientConfig.BOOTSTRAP_SERVERS, "b:9096",
            KafkaClientConfig.SECURITY_PROTOCOL, "SASL_SSL",
            KafkaClientConfig.SASL_MECHANISM, "SCRAM-SHA-512")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(KafkaClientConfig.SASL_JAAS_CONFIG)
            .hasMessageContaining(KafkaClientConfig.SECURITY_PROTOCOL + "=SASL_SSL")
            .hasMessageContaining(KafkaClientConfig.SASL_MECHANISM + "=SCRAM-SHA-512");
    }

    @Test
    void truststoreOnAPlaintextClusterIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new KafkaClientConfig(Map.of(
            KafkaClientConfig.BOOTSTRAP_SERVERS, "b:9092",
            KafkaClientConfig.SSL_TRUSTSTORE_LOCATION, "/etc/ts.jks")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(KafkaClientConfig.SSL_TRUSTSTORE_LOCATION)
            .hasMessageContaining("PLAINTEXT");
    }

    @Test
    void unknownProtocolNamesTheAllowedOnes() {
        assertThatThrownBy(() -> new KafkaClientConfig(Map.of(
            KafkaClientConfig.BOOTSTRAP_SERVERS, "b:9092", KafkaClientConfig.SECURITY_PROTOCOL, "TLS")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining(KafkaClientConfig.SECURITY_PROTOCOL)
            .hasMessageContaining("SASL_SSL");
    }
}
