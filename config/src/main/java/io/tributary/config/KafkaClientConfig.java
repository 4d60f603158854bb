package io.tributary.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;

/**
 * How every Kafka client of Tributary reaches the cluster: {@code kafka.bootstrap.servers} and the security settings
 * of SASL_SSL (SCRAM, MSK IAM), TLS truststores and keystores. Each key is declared once here; a stage's own config
 * includes {@link #CONFIG_DEF} and passes {@link #clientProperties()} to its producer, consumer, admin or Streams
 * client. Passwords are PASSWORD-typed: never logged, masked in every config dump.
 */
public final class KafkaClientConfig extends AbstractConfig {
    public static final String PREFIX = "kafka.";
    public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String SECURITY_PROTOCOL = "kafka.security.protocol";
    public static final String SASL_MECHANISM = "kafka.sasl.mechanism";
    public static final String SASL_JAAS_CONFIG = "kafka.sasl.jaas.config";
    public static final String SASL_CALLBACK_HANDLER = "kafka.sasl.client.callback.handler.class";
    public static final String SSL_TRUSTSTORE_LOCATION = "kafka.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "kafka.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "kafka.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "kafka.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "kafka.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "kafka.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "kafka.ssl.key.password";
    public static final String SSL_ENDPOINT_IDENTIFICATION = "kafka.ssl.endpoint.identification.algorithm";

    private static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    /** Mechanisms that log in with a JAAS line (GSSAPI and OAUTHBEARER may use other sources). */
    private static final Set<String> NEEDS_JAAS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    public static final ConfigDef CONFIG_DEF = addTo(new ConfigDef());

    public KafkaClientConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props, false);
        validate(this);
    }

    /** Adds the Kafka client keys to a stage's own definition, so that stage's config declares them once, here. */
    public static ConfigDef addTo(ConfigDef def) {
        return def
            .define(BOOTSTRAP_SERVERS, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                Importance.HIGH, "Kafka brokers to connect to, host:port[,host:port...].")
            .define(SECURITY_PROTOCOL, Type.STRING, "PLAINTEXT", ConfigDef.CaseInsensitiveValidString.in(
                PROTOCOLS.toArray(String[]::new)), Importance.MEDIUM,
                "Protocol to talk to the brokers: MSK with SCRAM or IAM uses SASL_SSL, a TLS-only cluster SSL.")
            .define(SASL_MECHANISM, Type.STRING, "", Importance.MEDIUM,
                "SASL mechanism: SCRAM-SHA-512, SCRAM-SHA-256, PLAIN, AWS_MSK_IAM; empty = the client default (GSSAPI).")
            .define(SASL_JAAS_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                "JAAS login line for SASL, e.g. org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"u\" password=\"p\"; a secret: give it in the environment "
                    + "(TRIBUTARY_KAFKA_SASL_JAAS_CONFIG), never logged.")
            .define(SASL_CALLBACK_HANDLER, Type.STRING, "", Importance.LOW,
                "SASL client callback handler class, e.g. software.amazon.msk.auth.iam.IAMClientCallbackHandler "
                    + "for MSK IAM (its jar must be on the classpath).")
            .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
                "Truststore file of the brokers' CA; empty = the JVM's default trust (enough for MSK).")
            .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the truststore.")
            .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "JKS", ConfigDef.CaseInsensitiveValidString.in("JKS", "PKCS12", "PEM"),
                Importance.LOW, "Format of the truststore file.")
            .define(SSL_KEYSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
                "Keystore with this client's certificate, for clusters that authenticate clients by TLS (mTLS).")
            .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the keystore.")
            .define(SSL_KEYSTORE_TYPE, Type.STRING, "JKS", ConfigDef.CaseInsensitiveValidString.in("JKS", "PKCS12", "PEM"),
                Importance.LOW, "Format of the keystore file.")
            .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW, "Password of the private key in the keystore.")
            .define(SSL_ENDPOINT_IDENTIFICATION, Type.STRING, "https", ConfigDef.CaseInsensitiveValidString.in("https", ""),
                Importance.LOW, "https checks the broker's host name against its certificate; empty turns that off.");
    }

    /**
     * The rules between keys, naming every key involved; for stage configs that include {@link #CONFIG_DEF}.
     *
     * @throws ConfigException when the security settings cannot work together
     */
    public static void validate(AbstractConfig config) {
        String protocol = config.getString(SECURITY_PROTOCOL).toUpperCase(Locale.ROOT);
        String mechanism = config.getString(SASL_MECHANISM).toUpperCase(Locale.ROOT);
        if (protocol.startsWith("SASL_") && NEEDS_JAAS.contains(mechanism) && config.getPassword(SASL_JAAS_CONFIG) == null) {
            throw new ConfigException(SASL_JAAS_CONFIG, null, "required when " + SECURITY_PROTOCOL + "=" + protocol
                + " and " + SASL_MECHANISM + "=" + mechanism + " (the login line with the user name and password)");
        }
        if (!protocol.startsWith("SASL_") && !mechanism.isEmpty()) {
            throw new ConfigException(SASL_MECHANISM, mechanism, "only used when " + SECURITY_PROTOCOL
                + " is SASL_SSL or SASL_PLAINTEXT, but it is " + protocol);
        }
        boolean tls = protocol.equals("SSL") || protocol.equals("SASL_SSL");
        for (String key : List.of(SSL_TRUSTSTORE_LOCATION, SSL_KEYSTORE_LOCATION)) {
            if (!tls && !config.getString(key).isBlank()) {
                throw new ConfigException(key, config.getString(key), "only used when " + SECURITY_PROTOCOL
                    + " is SSL or SASL_SSL, but it is " + protocol);
            }
        }
    }

    /** The client settings of {@code config} (which includes {@link #CONFIG_DEF}), as Kafka names them. */
    public static Map<String, Object> clientProperties(AbstractConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.getString(BOOTSTRAP_SERVERS).trim());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, config.getString(SECURITY_PROTOCOL).toUpperCase(Locale.ROOT));
        putIfSet(props, SaslConfigs.SASL_MECHANISM, config.getString(SASL_MECHANISM));
        putIfSet(props, SaslConfigs.SASL_JAAS_CONFIG, config.getPassword(SASL_JAAS_CONFIG));
        putIfSet(props, SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS, config.getString(SASL_CALLBACK_HANDLER));
        if (!config.getString(SSL_TRUSTSTORE_LOCATION).isBlank()) {
            props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, config.getString(SSL_TRUSTSTORE_LOCATION));
            props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, config.getString(SSL_TRUSTSTORE_TYPE).toUpperCase(Locale.ROOT));
            putIfSet(props, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, config.getPassword(SSL_TRUSTSTORE_PASSWORD));
        }
        if (!config.getString(SSL_KEYSTORE_LOCATION).isBlank()) {
            props.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, config.getString(SSL_KEYSTORE_LOCATION));
            props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, config.getString(SSL_KEYSTORE_TYPE).toUpperCase(Locale.ROOT));
            putIfSet(props, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, config.getPassword(SSL_KEYSTORE_PASSWORD));
            putIfSet(props, SslConfigs.SSL_KEY_PASSWORD_CONFIG, config.getPassword(SSL_KEY_PASSWORD));
        }
        props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, config.getString(SSL_ENDPOINT_IDENTIFICATION));
        return props;
    }

    public Map<String, Object> clientProperties() {
        return clientProperties(this);
    }

    public String bootstrapServers() {
        return getString(BOOTSTRAP_SERVERS).trim();
    }

    private static void putIfSet(Map<String, Object> props, String key, Object value) {
        if (value instanceof Password password) {
            props.put(key, password);
        } else if (value instanceof String text && !text.isBlank()) {
            props.put(key, text);
        }
    }
}
