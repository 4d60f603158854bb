package io.tributary.connect.s3;

import io.tributary.connect.s3.testing.S3ProxyServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The packaged plugin ({@code target/plugin}) in a real Connect worker (standalone, in this JVM) reading a real
 * KRaft broker and writing to s3proxy. This JVM's classpath does not hold the connector's classes (see the pom),
 * so only the plugin directory can provide them.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class S3SinkWorkerIT {
    private static final String TOPIC = "vehicle.events";
    private static final String CONNECTOR = "s3-sink-worker-it";
    private static final String BUCKET = "landing-worker-it";
    private static final Instant DAY1 = Instant.parse("2020-01-01T12:00:00Z");
    private static final Instant DAY2 = Instant.parse("2020-01-02T12:00:00Z");

    private static KafkaClusterTestKit kafka;
    private static S3ProxyServer s3;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = admin()) {
            // the records are timestamped 2020: time retention would delete them before the sink reads them
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        s3 = S3ProxyServer.start();
        s3.client().createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    @Test
    void packagedPluginLandsCommittedRecordsOnceAcrossAWorkerRestart(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Class.forName("io.tributary.connect.s3.S3SinkConnector"))
                .as("connector must come from the plugin directory only").isInstanceOf(ClassNotFoundException.class);
        Path pluginPath = Path.of(System.getProperty("tributary.project.root"), "connect-s3-sink", "target", "plugin");
        assertThat(pluginPath.resolve("tributary-connect-s3-sink/lib")).isDirectory();

        List<String> expected = new ArrayList<>();
        try (var producer = transactionalProducer()) {
            expected.addAll(sendInTransaction(producer, "a", 0, 40, DAY1, true));
            sendInTransaction(producer, "aborted", 0, 10, DAY1, false);
            expected.addAll(sendInTransaction(producer, "b", 0, 30, DAY2, true));
        }

        Connect<StandaloneHerder> worker = startWorker(dir, pluginPath);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(landedLines()).hasSize(expected.size()));
            awaitCommittedOffsetsMatchLanding();
        } finally {
            worker.stop();
            worker.awaitStop();
        }

        try (var producer = transactionalProducer()) {
            expected.addAll(sendInTransaction(producer, "c", 0, 25, DAY2, true));
        }
        worker = startWorker(dir, pluginPath);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(landedLines()).hasSize(expected.size()));
            assertThat(landedLines()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(landedLines()).noneMatch(line -> line.contains("aborted"));
            assertThat(s3.keys(BUCKET)).allMatch(k -> k.matches(
                    "landing/vehicle\\.events/dt=2020-01-0[12]/vehicle\\.events\\+[01]\\+\\d{10}\\.jsonl\\.gz"));
            awaitCommittedOffsetsMatchLanding();
        } finally {
            worker.stop();
            worker.awaitStop();
        }
    }

    private Connect<StandaloneHerder> startWorker(Path dir, Path pluginPath) throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("listeners", "http://127.0.0.1:0");
        props.put("plugin.path", pluginPath.toString());
        props.put("plugin.discovery", "service_load"); // the Kafka 4 way: needs META-INF/services in the plugin
        props.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        props.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        props.put("consumer.isolation.level", "read_committed");
        props.put("offset.flush.interval.ms", "500");
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(props);

        Map<String, String> connector = new HashMap<>();
        connector.put("name", CONNECTOR);
        connector.put("connector.class", "io.tributary.connect.s3.S3SinkConnector");
        connector.put("tasks.max", "2");
        connector.put("topics", TOPIC);
        connector.put("s3.bucket.name", BUCKET);
        connector.put("store.url", s3.endpoint().toString());
        connector.put("s3.path.style.access.enabled", "true");
        connector.put("aws.access.key.id", S3ProxyServer.ACCESS_KEY);
        connector.put("aws.secret.access.key", S3ProxyServer.SECRET_KEY);
        connector.put("flush.size", "15");
        connector.put("rotate.idle.ms", "300");
        var created = new FutureCallback<org.apache.kafka.connect.runtime.Herder.Created<
                org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>>();
        connect.herder().putConnectorConfig(CONNECTOR, connector, true, created);
        created.get(30, TimeUnit.SECONDS);
        return connect;
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer() {
        var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "transactional.id", "worker-it-producer",
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        producer.initTransactions();
        return producer;
    }

    /** Sends {@code count} records to each of the two partitions in one transaction; returns their values. */
    private static List<String> sendInTransaction(KafkaProducer<byte[], byte[]> producer, String batch, int from,
                                                  int count, Instant timestamp, boolean commit) {
        List<String> values = new ArrayList<>();
        producer.beginTransaction();
        for (int partition = 0; partition < 2; partition++) {
            for (int i = from; i < from + count; i++) {
                String value = "{\"batch\":\"" + batch + "\",\"partition\":" + partition + ",\"n\":" + i + "}";
                producer.send(new ProducerRecord<>(TOPIC, partition, timestamp.toEpochMilli(), null,
                        value.getBytes(StandardCharsets.UTF_8)));
                values.add(value);
            }
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
        return values;
    }

    private static List<String> landedLines() {
        return s3.keys(BUCKET).stream().flatMap(k -> s3.lines(BUCKET, k).stream()).toList();
    }

    /** The sink's consumer group commits exactly last landed offset + 1 per partition. */
    private static void awaitCommittedOffsetsMatchLanding() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<TopicPartition, Long> landedNext = new HashMap<>();
            for (String key : s3.keys(BUCKET)) {
                var head = s3.client().headObject(b -> b.bucket(BUCKET).key(key));
                int partition = Integer.parseInt(key.replaceAll(".*\\+(\\d+)\\+\\d{10}\\.jsonl\\.gz", "$1"));
                landedNext.merge(new TopicPartition(TOPIC, partition),
                        Long.parseLong(head.metadata().get("end-offset")) + 1, Math::max);
            }
            try (Admin admin = admin()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("connect-" + CONNECTOR).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                Map<TopicPartition, Long> committedOffsets = new HashMap<>();
                committed.forEach((tp, om) -> committedOffsets.put(tp, om.offset()));
                assertThat(committedOffsets).isEqualTo(landedNext);
            }
        });
    }
}
