package io.tributary.producers.fleet;

import io.tributary.producers.EmbeddedKafka;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FleetRunIT {
    private static final Logger LOG = LoggerFactory.getLogger(FleetRunIT.class);
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    private static LogPublisher publisher(Map<String, String> extra) {
        var props = new HashMap<String, String>(extra);
        props.put(LogPublisherConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        return new LogPublisher(LogPublisherConfig.of(props));
    }

    @Test
    void everyLineArrivesOnceKeyedByVehicleInEachVehiclesOrder() throws Exception {
        String topic = "fleet-all";
        kafka.createTopic(topic, 3);
        var simulator = new FleetSimulator(FleetSpec.of(11L, 12, 20_000));
        var expected = new ArrayList<FleetLine>();
        simulator.generate(expected::add);
        var progress = new CopyOnWriteArrayList<FleetRun.Progress>();

        FleetTruth truth;
        try (var publisher = publisher(Map.of())) {
            truth = FleetRun.publish(simulator, publisher, topic, 0, progress::add);
            assertThat(publisher.sent()).isEqualTo(20_000);
            assertThat(publisher.failed()).isZero();
        }

        assertThat(truth.events()).isEqualTo(20_000);
        FleetRun.Progress last = progress.get(progress.size() - 1);
        assertThat(last).extracting(FleetRun.Progress::published, FleetRun.Progress::acknowledged,
                FleetRun.Progress::done).containsExactly(20_000L, 20_000L, true);
        LOG.info("unthrottled FleetRun: {} lines/s", Math.round(last.eventsPerSecond()));

        List<ConsumerRecord<String, String>> records = consumeAll(topic, 20_000);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.value()).startsWith(r.key() + ",");
            assertThat(new String(r.headers().lastHeader(FleetRun.SOURCE_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo(FleetRun.SOURCE);
        });
        Map<String, List<String>> received = byVehicle(records.stream().map(r -> Map.entry(r.key(), r.value())).toList());
        Map<String, List<String>> sent = byVehicle(expected.stream().map(l -> Map.entry(l.vehicleId(), l.line())).toList());
        // same key -> same partition, and a partition keeps order: each vehicle's lines arrive exactly as written
        assertThat(received).isEqualTo(sent);
    }

    @Test
    void pacedRunHoldsTheRequestedRate() throws Exception {
        String topic = "fleet-paced";
        kafka.createTopic(topic, 1);
        long started = System.nanoTime();
        try (var publisher = publisher(Map.of())) {
            FleetRun.publish(new FleetSimulator(FleetSpec.of(5L, 3, 1_500)), publisher, topic, 3_000, p -> { });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // 1,500 lines at 3,000/s: the last one is due after 0.5 s
        assertThat(seconds).isBetween(0.45, 5.0);
        assertThat(consumeAll(topic, 1_500)).hasSize(1_500);
    }

    @Test
    void closeDeliversLinesStillWaitingInTheBatch() throws Exception {
        String topic = "fleet-close";
        kafka.createTopic(topic, 1);
        var publisher = publisher(Map.of(LogPublisherConfig.LINGER_MS, "60000"));
        for (int i = 0; i < 1_000; i++) {
            publisher.publish(topic, "V001", "V001,1577836800.000001,brake_control," + (i % 2 == 0 ? "start" : "end"));
        }
        publisher.close();

        assertThat(publisher.sent()).isEqualTo(1_000);
        assertThat(consumeAll(topic, 1_000)).hasSize(1_000);
    }

    @Test
    void runFailsNamingHowManyLinesWereNotPublished() {
        var simulator = new FleetSimulator(FleetSpec.of(5L, 1, 4));
        try (var publisher = publisher(Map.of(LogPublisherConfig.MAX_BLOCK_MS, "200"))) {
            assertThatThrownBy(() -> FleetRun.publish(simulator, publisher, "no-such-topic", 0, p -> { }))
                    .isInstanceOf(FleetRun.FleetRunException.class)
                    .hasMessageContaining("4 of 4 lines could not be published to no-such-topic");
            assertThat(publisher.failed()).isEqualTo(4);
        }
    }

    private static Map<String, List<String>> byVehicle(List<Map.Entry<String, String>> lines) {
        var map = new HashMap<String, List<String>>();
        lines.forEach(e -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return map;
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String topic, int count) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "group.id", "it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
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
