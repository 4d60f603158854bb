package io.tributary.connect.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Connector configurations of the S3 sink, kept as files (README.md explains each) and filled here. Placeholders:
 * {@code ${topic}}, {@code ${s3.endpoint}}, {@code ${s3.region}}, {@code ${s3.bucket}}, {@code ${s3.access.key}},
 * {@code ${s3.secret.key}}; optional ones with defaults: {@code tasks.max}, {@code topics.dir}, {@code flush.size},
 * {@code rotate.interval.ms}, {@code rotate.idle.ms}, {@code dlq.topic}.
 */
public final class ConnectorConfigs {
    public static final String LOCAL_S3_SINK = "local/s3-sink-vehicle-events.properties";
    public static final String DISTRIBUTED_S3_SINK = "distributed/s3-sink-vehicle-events.json";
    public static final String CONFLUENT_S3_SINK = "confluent/s3-sink-vehicle-events.json";
    public static final String LOCAL_WORKER = "local/connect-worker.properties";

    public static final String TOPIC = "topic";
    /** Optional; default {@link #defaultConnectorName(String)}. */
    public static final String CONNECTOR_NAME = "connector.name";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_REGION = "s3.region";
    public static final String S3_BUCKET = "s3.bucket";
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorConfigs() {
    }

    /**
     * The local connector config for {@code topic} with the placeholders filled from {@code values}. It includes
     * {@code name} ({@code connector.name} if given, else {@link #defaultConnectorName(String)}): Connect standalone
     * needs it, and {@code PUT /connectors/<name>/config} accepts it only if it equals the name in the URL.
     *
     * @throws IllegalArgumentException naming a placeholder that has neither a value nor a default
     */
    public static Map<String, String> localS3Sink(String topic, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put(TOPIC, topic);
        all.putIfAbsent(CONNECTOR_NAME, defaultConnectorName(topic));
        String text = Placeholders.fill(template(LOCAL_S3_SINK), LOCAL_S3_SINK, all, Placeholders::escapeProperties);
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> config.put(k, props.getProperty(k)));
        return config;
    }

    /**
     * The local Connect worker config: placeholders {@code kafka.bootstrap}, {@code plugin.path}, {@code data.dir};
     * optional {@code connect.port} (8083) and {@code offset.flush.interval.ms} (5000).
     */
    public static Map<String, String> localWorker(Map<String, String> values) {
        return properties(Placeholders.fill(template(LOCAL_WORKER), LOCAL_WORKER, values,
                Placeholders::escapeProperties));
    }

    private static Map<String, String> properties(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> config.put(k, props.getProperty(k)));
        return config;
    }

    /** {@code s3-sink-vehicle-events} for {@code vehicle.events}: the name the local stack's REST calls use. */
    public static String defaultConnectorName(String topic) {
        return "s3-sink-" + topic.replace('.', '-');
    }

    /** The REST payload ({@code {"name":…,"config":{…}}}) for a Connect cluster or MSK Connect. */
    public static String distributedS3Sink(Map<String, String> values) {
        return Placeholders.fill(template(DISTRIBUTED_S3_SINK), DISTRIBUTED_S3_SINK, values, Placeholders::escapeJson);
    }

    /**
     * The distributed connector config for {@code topic} (AWS S3, credentials from the worker's default chain) as a
     * map with {@code name}, as {@code PUT /connectors/<name>/config} takes it.
     */
    public static Map<String, String> distributedS3Sink(String topic, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put(TOPIC, topic);
        all.putIfAbsent(CONNECTOR_NAME, defaultConnectorName(topic));
        try {
            JsonNode payload = JSON.readTree(distributedS3Sink(all));
            Map<String, String> config = new TreeMap<>();
            payload.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            config.put("name", payload.path("name").asText());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DISTRIBUTED_S3_SINK, e);
        }
    }

    /** The equivalent REST payload for Confluent's {@code io.confluent.connect.s3.S3SinkConnector}. */
    public static String confluentS3Sink(Map<String, String> values) {
        return Placeholders.fill(template(CONFLUENT_S3_SINK), CONFLUENT_S3_SINK, values, Placeholders::escapeJson);
    }

    /** The unfilled text of a config file, e.g. {@link #LOCAL_S3_SINK}. */
    public static String template(String resource) {
        try (InputStream in = ConnectorConfigs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No connector config " + resource + " in "
                        + ConnectorConfigs.class.getPackageName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
