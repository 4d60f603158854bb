package io.tributary.producers.publish;

import io.tributary.config.KafkaClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;

/**
 * Settings of a {@link LogPublisher}. Keys are declared once here; {@code kafka.*} keys are shared with the other
 * Kafka clients of Tributary, {@code publisher.*} keys tune this producer. Anything else a producer understands can
 * be passed as {@code publisher.producer.<producer key>}.
 */
public final class LogPublisherConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = KafkaClientConfig.BOOTSTRAP_SERVERS;
    public static final String CLIENT_ID = "publisher.client.id";
    public static final String LINGER_MS = "publisher.linger.ms";
    public static final String BATCH_SIZE = "publisher.batch.size";
    public static final String BUFFER_MEMORY = "publisher.buffer.memory";
    public static final String MAX_BLOCK_MS = "publisher.max.block.ms";
    public static final String DELIVERY_TIMEOUT_MS = "publisher.delivery.timeout.ms";
    public static final String CLOSE_TIMEOUT_MS = "publisher.close.timeout.ms";
    /** Prefix of raw producer settings passed through (they override the tunables above, never the fixed ones). */
    public static final String PRODUCER_PREFIX = "publisher.producer.";

    public static final ConfigDef CONFIG_DEF = KafkaClientConfig.addTo(new ConfigDef())
            .define(CLIENT_ID, Type.STRING, "tributary-publisher", Importance.LOW,
                    "client.id shown in broker logs and quotas.")
            .define(LINGER_MS, Type.INT, 15, atLeast(0), Importance.MEDIUM,
                    "How long a batch may wait for more lines: a few ms buy much larger, better compressed batches.")
            .define(BATCH_SIZE, Type.INT, 192 * 1024, atLeast(1024), Importance.MEDIUM,
                    "Upper bound of one partition's batch in bytes.")
            .define(BUFFER_MEMORY, Type.LONG, 64L * 1024 * 1024, atLeast(1024 * 1024), Importance.MEDIUM,
                    "Bytes of lines the publisher may hold before the brokers acknowledge them.")
            .define(MAX_BLOCK_MS, Type.LONG, 60_000L, atLeast(0), Importance.MEDIUM,
                    "How long publish() may block while the buffer is full or the topic's metadata is unknown; "
                            + "after that the returned future fails. 0 = never block (fail when full).")
            .define(DELIVERY_TIMEOUT_MS, Type.INT, 120_000, atLeast(1), Importance.LOW,
                    "Upper bound for a line to be acknowledged, retries included; after that its future fails.")
            .define(CLOSE_TIMEOUT_MS, Type.LONG, 120_000L, atLeast(0), Importance.LOW,
                    "How long close() waits for unacknowledged lines before giving up on them (they count as failed).");

    public LogPublisherConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props, false);
        KafkaClientConfig.validate(this);
    }

    public static LogPublisherConfig of(Map<String, ?> props) {
        return new LogPublisherConfig(props);
    }

    /**
     * The producer settings: pass-through overrides, then tunables where not overridden, then the settings that make
     * delivery safe, which nothing overrides (idempotence with acks=all gives no loss and no duplicates per partition).
     */
    public Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(originalsWithPrefix(PRODUCER_PREFIX));
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, getString(CLIENT_ID));
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, getInt(LINGER_MS));
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, getInt(BATCH_SIZE));
        props.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, getLong(BUFFER_MEMORY));
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, getLong(MAX_BLOCK_MS));
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, getInt(DELIVERY_TIMEOUT_MS));
        // how to reach the cluster is the shared client config's, not something a raw override may change
        props.putAll(KafkaClientConfig.clientProperties(this));
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return props;
    }

    public long closeTimeoutMs() {
        return getLong(CLOSE_TIMEOUT_MS);
    }
}
