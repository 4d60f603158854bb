package io.tributary.connect.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.s3.S3SinkConnector;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorConfigsTest {
    private static final Map<String, String> LOCAL = Map.of(
            "s3.endpoint", "http://127.0.0.1:39000",
            "s3.region", "eu-west-1",
            "s3.bucket", "tributary-local",
            "s3.access.key", "local-access",
            "s3.secret.key", "se/cr+et\\key");
    private static final Map<String, String> AWS = Map.of("s3.bucket", "tributary-landing-prod", "s3.region", "eu-central-1");

    @Test
    void localTemplateIsFilledIntoTheWholeConnectorConfig() {
        Map<String, String> expected = new TreeMap<>();
        expected.put("name", "s3-sink-vehicle-events");
        expected.put("connector.class", "io.tributary.connect.s3.S3SinkConnector");
        expected.put("tasks.max", "1");
        expected.put("topics", "vehicle.events");
        expected.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        expected.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        expected.put("s3.bucket.name", "tributary-local");
        expected.put("s3.region", "eu-west-1");
        expected.put("store.url", "http://127.0.0.1:39000");
        expected.put("s3.path.style.access.enabled", "true");
        expected.put("aws.access.key.id", "local-access");
        expected.put("aws.secret.access.key", "se/cr+et\\key");
        expected.put("format.class", "io.tributary.connect.s3.format.JsonLinesGzipFormat");
        expected.put("topics.dir", "landing");
        expected.put("path.format", "'dt'=YYYY-MM-dd");
        expected.put("partition.duration.ms", "86400000");
        expected.put("timezone", "UTC");
        expected.put("locale", "en-US");
        expected.put("timestamp.extractor", "Record");
        expected.put("max.open.files.per.task", "100");
        expected.put("s3.part.size", "5242880");
        expected.put("behavior.on.null.values", "fail");
        expected.put("flush.size", "20000");
        expected.put("rotate.interval.ms", "10000");
        expected.put("rotate.idle.ms", "5000");
        expected.put("errors.tolerance", "all");
        expected.put("errors.deadletterqueue.topic.name", "tributary.dlq");
        expected.put("errors.deadletterqueue.topic.replication.factor", "1");
        expected.put("errors.deadletterqueue.context.headers.enable", "true");
        expected.put("errors.log.enable", "true");

        assertThat(ConnectorConfigs.localS3Sink("vehicle.events", LOCAL)).isEqualTo(expected);
    }

    @Test
    void givenValuesOverrideTheTemplatesDefaults() {
        Map<String, String> values = new HashMap<>(LOCAL);
        values.put("flush.size", "5");
        values.put("rotate.idle.ms", "500");
        Map<String, String> config = ConnectorConfigs.localS3Sink("web.requests", values);
        assertThat(config).containsEntry("flush.size", "5").containsEntry("rotate.idle.ms", "500")
                .containsEntry("topics", "web.requests").containsEntry("name", "s3-sink-web-requests");
        values.put("connector.name", "landing-web");
        assertThat(ConnectorConfigs.localS3Sink("web.requests", values)).containsEntry("name", "landing-web");
    }

    @Test
    void missingValueFailsNamingThePlaceholder() {
        Map<String, String> values = new HashMap<>(LOCAL);
        values.remove("s3.bucket");
        assertThatThrownBy(() -> ConnectorConfigs.localS3Sink("vehicle.events", values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${s3.bucket}").hasMessageContaining(ConnectorConfigs.LOCAL_S3_SINK);
    }

    @Test
    void localConfigIsAcceptedByTheSinksConfigDef() {
        assertThat(errors(ConnectorConfigs.localS3Sink("vehicle.events", LOCAL))).isEmpty();
    }

    @Test
    void distributedPayloadIsValidForTheSinkAndCarriesNoCredentials() throws Exception {
        Map<String, String> config = restConfig(ConnectorConfigs.distributedS3Sink(AWS));
        assertThat(errors(config)).isEmpty();
        assertThat(config).containsEntry("s3.bucket.name", "tributary-landing-prod")
                .containsEntry("s3.region", "eu-central-1")
                .doesNotContainKeys("aws.access.key.id", "aws.secret.access.key", "store.url");
    }

    @Test
    void distributedConfigOfTheWebTopicIsNamedAndSubscribedForIt() {
        Map<String, String> config = ConnectorConfigs.distributedS3Sink(io.tributary.events.Topics.WEB_REQUESTS, AWS);

        assertThat(config).containsEntry("name", "s3-sink-web-requests").containsEntry("topics", "web.requests")
                .containsEntry("s3.bucket.name", AWS.get("s3.bucket"))
                .doesNotContainKeys("aws.access.key.id", "aws.secret.access.key", "store.url");
        assertThat(errors(config)).isEmpty();
    }

    @Test
    void confluentPayloadLandsTheSameLayoutUnderTheSameKeyNames() throws Exception {
        Map<String, String> ours = restConfig(ConnectorConfigs.distributedS3Sink(AWS));
        Map<String, String> confluent = restConfig(ConnectorConfigs.confluentS3Sink(AWS));
        assertThat(confluent).containsEntry("connector.class", "io.confluent.connect.s3.S3SinkConnector")
                .containsEntry("path.format", "'dt'=YYYY-MM-dd")
                .containsEntry("format.bytearray.extension", ".jsonl")
                .containsEntry("format.bytearray.separator", "\n")
                .containsEntry("s3.compression.type", "gzip")
                .containsEntry("timestamp.extractor", "Record");
        for (String shared : List.of("topics", "s3.bucket.name", "s3.region", "s3.part.size", "topics.dir",
                "path.format", "partition.duration.ms", "timezone", "locale", "timestamp.extractor",
                "behavior.on.null.values", "flush.size", "rotate.interval.ms", "key.converter", "value.converter",
                "errors.deadletterqueue.topic.name")) {
            assertThat(confluent.get(shared)).as(shared).isEqualTo(ours.get(shared));
        }
    }

    @Test
    void jsonValuesAreEscaped() throws Exception {
        Map<String, String> values = new HashMap<>(AWS);
        values.put("s3.bucket", "a\"b\\c");
        assertThat(restConfig(ConnectorConfigs.distributedS3Sink(values))).containsEntry("s3.bucket.name", "a\"b\\c");
    }

    @Test
    void confluentAndOurPartitionerKeysGiveTheSameFolderForTheSameRecord() throws Exception {
        Map<String, String> confluent = restConfig(ConnectorConfigs.confluentS3Sink(AWS));
        var config = new io.tributary.connect.s3.S3SinkConfig(Map.of("s3.bucket.name", "landing-bucket",
                "path.format", confluent.get("path.format"),
                "partition.duration.ms", confluent.get("partition.duration.ms"),
                "timezone", confluent.get("timezone"), "locale", confluent.get("locale")));
        long lastMsOf2020 = java.time.Instant.parse("2020-12-31T23:59:59.999Z").toEpochMilli();
        assertThat(config.partitioner().encodedPartition(lastMsOf2020)).isEqualTo("dt=2020-12-31");
    }

    @Test
    void localWorkerConfigReadsCommittedAndFindsThePlugin() {
        Map<String, String> worker = ConnectorConfigs.localWorker(Map.of("kafka.bootstrap", "127.0.0.1:9092",
                "plugin.path", "/repo/connect-s3-sink/target/plugin", "data.dir", "/tmp/connect"));
        assertThat(worker).containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("listeners", "http://127.0.0.1:8083")
                .containsEntry("plugin.path", "/repo/connect-s3-sink/target/plugin")
                .containsEntry("consumer.isolation.level", "read_committed")
                .containsEntry("offset.storage.file.filename", "/tmp/connect/connect.offsets");
    }

    private static Map<String, String> restConfig(String payload) throws Exception {
        Map<String, Object> rest = new ObjectMapper().readValue(payload, new TypeReference<>() { });
        assertThat(rest).containsOnlyKeys("name", "config");
        return new ObjectMapper().convertValue(rest.get("config"), new TypeReference<Map<String, String>>() { });
    }

    /** Error messages the sink's ConfigDef gives for {@code config}. */
    private static List<String> errors(Map<String, String> config) {
        return new S3SinkConnector().validate(config).configValues().stream()
                .flatMap((ConfigValue v) -> v.errorMessages().stream().map(m -> v.name() + ": " + m)).toList();
    }
}
