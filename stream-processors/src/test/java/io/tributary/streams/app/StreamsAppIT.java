package io.tributary.streams.app;

import io.tributary.events.DlqHeaders;
import io.tributary.events.Topics;
import io.tributary.events.VehicleEvent;
import io.tributary.events.VehicleEventJson;
import io.tributary.producers.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StreamsAppIT {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsAppIT.class);
    private static EmbeddedKafka kafka;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(StreamsApp.createTopics(admin, 3)).containsExactlyInAnyOrder(
                    Topics.VEHICLE_LOGS_RAW, Topics.WEB_LOGS_RAW, Topics.VEHICLE_EVENTS, Topics.WEB_REQUESTS,
                    Topics.DLQ);
            assertThat(StreamsApp.createTopics(admin, 3)).as("second call creates nothing").isEmpty();
        }
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void rawLinesReachVehicleEventsAndTheDlqThroughCommittedTransactions() {
        int good = 3_000;
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "linger.ms", "10"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.VEHICLE_LOGS_RAW, "V001", "Vehicle_id,timestamp,function,event"));
            for (int i = 0; i < good; i++) {
                String vehicle = String.format("V%03d", i % 10 + 1);
                String line = i % 2 == 0
                        ? vehicle + "," + (1_577_836_800 + i) + ".000001,lidar_fusion,start"
                        : "{\"vehicle_id\":\"" + vehicle + "\",\"ts\":" + (1_577_836_800 + i)
                        + ",\"function\":\"lidar_fusion\",\"event\":\"end\",\"seq\":" + i + "}";
                producer.send(new ProducerRecord<>(Topics.VEHICLE_LOGS_RAW, vehicle, line));
            }
            producer.send(new ProducerRecord<>(Topics.VEHICLE_LOGS_RAW, "V002", "V002,17x,f,start"));
            producer.send(new ProducerRecord<>(Topics.VEHICLE_LOGS_RAW, "V003", "garbage"));
            producer.flush();
        }

        var config = StreamsAppConfig.of(Map.of(
                StreamsAppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                StreamsAppConfig.STATE_DIR, stateDir.toString(),
                StreamsAppConfig.COMMIT_INTERVAL_MS, "200",
                "streams.override.auto.offset.reset", "earliest"));
        long started = System.nanoTime();
        try (var app = StreamsApp.start(config)) {
            List<ConsumerRecord<String, byte[]>> events = consume(Topics.VEHICLE_EVENTS, good);
            LOG.info("{} events committed to vehicle.events {} ms after start", events.size(),
                    (System.nanoTime() - started) / 1_000_000);
            List<ConsumerRecord<String, byte[]>> dead = consume(Topics.DLQ, 2);

            assertThat(events).hasSize(good);
            var ids = new HashSet<String>();
            for (var record : events) {
                VehicleEvent event = VehicleEventJson.decode(record.value());
                assertThat(record.key()).isEqualTo(event.vehicleId());
                assertThat(event.functionName()).isEqualTo("lidar_fusion");
                assertThat(event.source()).isEqualTo(Topics.VEHICLE_LOGS_RAW);
                ids.add(event.eventId());
            }
            assertThat(ids).hasSize(good);
            assertThat(dead).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("V002,17x,f,start", "garbage");
            assertThat(dead).allSatisfy(r -> assertThat(header(r, DlqHeaders.ERROR_STAGE)).isEqualTo("stream-processors"));
            // transactional writes leave commit markers: the log holds more offsets than records
            assertThat(endOffsetSum(Topics.VEHICLE_EVENTS)).isGreaterThan(good);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(app.vehicleCounts()).isEqualTo(new StreamsApp.VehicleCounts(good, 2, 1)));
        }
    }

    @Test
    void backlogOfFiftyThousandLinesIsProcessedOnConfiguredTopics() throws Exception {
        int lines = 50_000;
        kafka.createTopic("perf.raw", 3);
        kafka.createTopic("perf.events", 3);
        kafka.createTopic("perf.dlq", 1);
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "linger.ms", "20", "batch.size", "262144", "compression.type", "lz4"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < lines; i++) {
                String vehicle = String.format("V%03d", i % 50 + 1);
                producer.send(new ProducerRecord<>("perf.raw", vehicle, vehicle + "," + (1_577_836_800L + i / 50)
                        + ".000500,path_planning," + (i / 50 % 2 == 0 ? "start" : "end")));
            }
            producer.flush();
        }
        var config = StreamsAppConfig.of(Map.of(
                StreamsAppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                StreamsAppConfig.APPLICATION_ID, "perf",
                StreamsAppConfig.STATE_DIR, stateDir.toString(),
                "streams.vehicle.raw.topic", "perf.raw",
                "streams.vehicle.events.topic", "perf.events",
                "streams.dlq.topic", "perf.dlq",
                "streams.override.auto.offset.reset", "earliest"));
        try (var app = StreamsApp.start(config)) {
            long running = System.nanoTime();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> app.vehicleCounts().parsed() >= lines);
            LOG.info("EOS backlog: {} lines parsed {} ms after RUNNING", lines, (System.nanoTime() - running) / 1_000_000);
            List<ConsumerRecord<String, byte[]>> events = consume("perf.events", lines);
            double seconds = (System.nanoTime() - running) / 1e9;
            LOG.info("EOS backlog: {} lines raw -> committed events in {} s after RUNNING ({} lines/s)",
                    events.size(), String.format("%.2f", seconds), Math.round(lines / seconds));
            assertThat(events).hasSize(lines);
            assertThat(app.vehicleCounts()).isEqualTo(new StreamsApp.VehicleCounts(lines, 0, 0));
        }
    }

    @Test
    void startFailsClearlyWhenTheBrokerCannotBeReached() {
        var config = StreamsAppConfig.of(Map.of(
                StreamsAppConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1",
                StreamsAppConfig.APPLICATION_ID, "unreachable",
                StreamsAppConfig.STATE_DIR, stateDir.toString(),
                StreamsAppConfig.START_TIMEOUT_MS, "3000"));
        assertThatThrownBy(() -> StreamsApp.start(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Kafka Streams unreachable")
                .hasMessageContaining("kafka.bootstrap.servers");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static long endOffsetSum(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int count) {
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "group.id", "it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                // drain everything available before Awaitility's next poll interval
                int polled;
                do {
                    var batch = consumer.poll(Duration.ofMillis(200));
                    batch.forEach(records::add);
                    polled = batch.count();
                } while (polled > 0 && records.size() < count);
                return records.size() >= count;
            });
            // nothing beyond the expected records arrives
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
