package io.tributary.streams.app;

import io.tributary.streams.vehicle.VehicleTopologyConfig;
import io.tributary.streams.web.WebTopologyConfig;
import io.tributary.config.KafkaClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

import java.util.HashMap;
import java.util.Map;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;

/**
 * Settings of the stream-processors application, including the vehicle and web topologies'
 * ({@link VehicleTopologyConfig}, {@link WebTopologyConfig}).
 * Raw Kafka Streams settings can be passed as {@code streams.override.<streams key>}; they never override
 * exactly-once processing.
 */
public final class StreamsAppConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = KafkaClientConfig.BOOTSTRAP_SERVERS;
    public static final String APPLICATION_ID = "streams.application.id";
    public static final String STATE_DIR = "streams.state.dir";
    public static final String REPLICATION_FACTOR = "streams.replication.factor";
    public static final String COMMIT_INTERVAL_MS = "streams.commit.interval.ms";
    public static final String NUM_THREADS = "streams.num.stream.threads";
    public static final String START_TIMEOUT_MS = "streams.start.timeout.ms";
    public static final String TOPIC_PARTITIONS = "streams.topic.partitions";
    public static final String METRICS_PORT = "streams.metrics.port";
    public static final String OVERRIDE_PREFIX = "streams.override.";

    public static final ConfigDef CONFIG_DEF = KafkaClientConfig.addTo(
                    WebTopologyConfig.withOwnKeys(new ConfigDef(VehicleTopologyConfig.CONFIG_DEF)))
            .define(APPLICATION_ID, Type.STRING, "tributary-streams", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka Streams application.id: the consumer group and the prefix of internal topics and "
                            + "transactional ids. Changing it restarts processing from the raw topics' reset policy.")
            .define(STATE_DIR, Type.STRING, ".tributary/streams-state", new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Directory for Kafka Streams local state (one per instance on a machine).")
            .define(REPLICATION_FACTOR, Type.SHORT, (short) 1, atLeast(-1), Importance.MEDIUM,
                    "Replication factor of internal topics; 1 for a one-broker stack, 3 in production, "
                            + "-1 = the broker default.")
            .define(COMMIT_INTERVAL_MS, Type.LONG, 1_000L, atLeast(10), Importance.MEDIUM,
                    "How often transactions commit: the end-to-end latency floor for read_committed consumers.")
            .define(NUM_THREADS, Type.INT, 1, atLeast(1), Importance.LOW, "Stream threads of this instance.")
            .define(START_TIMEOUT_MS, Type.LONG, 60_000L, atLeast(1), Importance.LOW,
                    "How long start waits for the application to reach RUNNING before failing.")
            .define(TOPIC_PARTITIONS, Type.INT, 4, atLeast(1), Importance.MEDIUM,
                    "Partitions of the pipeline's topics when tributary streams creates the missing ones (with "
                            + REPLICATION_FACTOR + " replicas); topics that exist are left as they are.")
            .define(METRICS_PORT, Type.INT, -1, ConfigDef.Range.between(-1, 65_535), Importance.LOW,
                    "Port on 127.0.0.1 where tributary streams serves /metrics (Prometheus), /counts (JSON) and "
                            + "/health; -1 = none, 0 = any free port.");

    public StreamsAppConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props, false);
        KafkaClientConfig.validate(this);
    }

    public static StreamsAppConfig of(Map<String, ?> props) {
        return new StreamsAppConfig(props);
    }

    public VehicleTopologyConfig vehicleTopology() {
        return new VehicleTopologyConfig(originals());
    }

    public WebTopologyConfig webTopology() {
        return new WebTopologyConfig(originals());
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public int topicPartitions() {
        return getInt(TOPIC_PARTITIONS);
    }

    /** Replicas of the pipeline's and the internal topics; -1 = the broker default. */
    public short replicationFactor() {
        return getShort(REPLICATION_FACTOR);
    }

    public int metricsPort() {
        return getInt(METRICS_PORT);
    }

    public long startTimeoutMs() {
        return getLong(START_TIMEOUT_MS);
    }

    /** Overrides first, then tunables where not overridden, then what must hold: exactly-once v2 and the serdes. */
    public Map<String, Object> streamsProperties() {
        Map<String, Object> props = new HashMap<>(originalsWithPrefix(OVERRIDE_PREFIX));
        props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, getString(STATE_DIR));
        props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) getShort(REPLICATION_FACTOR));
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, getLong(COMMIT_INTERVAL_MS));
        props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, getInt(NUM_THREADS));
        // VehicleTopologyBenchmark (1M lines, EOS, 1 thread): these two took ~38k to ~52k lines/s; fewer,
        // bigger produce requests for the events and the dedupe changelog cost the broker and the sender less CPU
        producerDefault(props, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // 20 ms measured the same as 50 ms with 256 KiB batches; the lower one delays a quiet topic less
        producerDefault(props, ProducerConfig.LINGER_MS_CONFIG, 20);
        // after a kill -9 the restarted instance gets the partitions only once the dead member's session expired:
        // 10 s (Kafka's default before 3.0) instead of 45 s; heartbeats every 3 s still allow two misses
        consumerDefault(props, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        // every client of the app (consumer, producers, admin, restore consumer) reaches the cluster the same way
        props.putAll(KafkaClientConfig.clientProperties(this));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        return props;
    }

    /** A default for the embedded consumers unless overridden as {@code consumer.<key>} or plain {@code <key>}. */
    private static void consumerDefault(Map<String, Object> props, String key, Object value) {
        if (!props.containsKey(key)) {
            props.putIfAbsent(StreamsConfig.consumerPrefix(key), value);
        }
    }

    /** A default for the embedded producer unless overridden as {@code producer.<key>} or plain {@code <key>}. */
    private static void producerDefault(Map<String, Object> props, String key, Object value) {
        if (!props.containsKey(key)) {
            props.putIfAbsent(StreamsConfig.producerPrefix(key), value);
        }
    }
}
