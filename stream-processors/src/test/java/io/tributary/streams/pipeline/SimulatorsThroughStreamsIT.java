package io.tributary.streams.pipeline;

import io.tributary.events.DlqHeaders;
import io.tributary.events.VehicleEventJson;
import io.tributary.events.WebRequestJson;
import io.tributary.producers.faults.FaultSpec;
import io.tributary.producers.faults.FaultTruth;
import io.tributary.producers.fleet.FleetRun;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.producers.web.WebRun;
import io.tributary.producers.web.WebSimulator;
import io.tributary.producers.web.WebSpec;
import io.tributary.producers.EmbeddedKafka;
import io.tributary.streams.app.StreamsApp;
import io.tributary.streams.app.StreamsAppConfig;
import io.tributary.streams.app.StreamsAppMain;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both simulators with every fault at 1% through the real Streams application on a real broker: canonical events +
 * DLQ records + counted duplicates = lines published, exactly as the ground truth says; and the same after the
 * application is killed (SIGKILL, a child JVM) in the middle of the run and replaced by an instance with no local
 * state. Size: {@code -Dtributary.it.lines=N} (default 100,000 lines, half vehicle, half web).
 */
class SimulatorsThroughStreamsIT {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorsThroughStreamsIT.class);
    private static final long LINES = Long.getLong("tributary.it.lines", 100_000);
    private static EmbeddedKafka kafka;

    @TempDir
    Path temp;

    record TopicSet(String vehicleRaw, String webRaw, String vehicleEvents, String webRequests, String dlq) {
        static TopicSet prefixed(String prefix) {
            return new TopicSet(prefix + ".vehicle.raw", prefix + ".web.raw", prefix + ".vehicle.events",
                    prefix + ".web.requests", prefix + ".dlq");
        }

        void create() throws Exception {
            for (String topic : List.of(vehicleRaw, webRaw, vehicleEvents, webRequests, dlq)) {
                kafka.createTopic(topic, 3);
            }
        }

        Map<String, String> streamsProps(String appId, Path stateDir) {
            var props = new HashMap<String, String>();
            props.put(StreamsAppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            props.put(StreamsAppConfig.APPLICATION_ID, appId);
            props.put(StreamsAppConfig.STATE_DIR, stateDir.toString());
            props.put(StreamsAppConfig.COMMIT_INTERVAL_MS, "100");
            props.put("streams.vehicle.raw.topic", vehicleRaw);
            props.put("streams.vehicle.events.topic", vehicleEvents);
            props.put("streams.web.raw.topic", webRaw);
            props.put("streams.web.events.topic", webRequests);
            props.put("streams.dlq.topic", dlq);
            props.put("streams.override.auto.offset.reset", "earliest");
            // a killed member is noticed after this long instead of the 45 s default
            props.put("streams.override.session.timeout.ms", "6000");
            return props;
        }
    }

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void everyPublishedLineIsOneEventOneDeadLetterOrOneCountedDuplicateAsTheTruthSays() throws Exception {
        var topics = TopicSet.prefixed("clean");
        topics.create();
        FaultTruth vehicle = publishVehicles(topics, 11);
        FaultTruth web = publishWeb(topics, 12);
        long started = System.nanoTime();
        try (var app = StreamsApp.start(StreamsAppConfig.of(topics.streamsProps("clean", temp.resolve("state"))))) {
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                    app.vehicleLineCounts().accountedFor() >= vehicle.published()
                            && app.webLineCounts().accountedFor() >= web.published());
            LOG.info("{} raw lines processed {} ms after start", vehicle.published() + web.published(),
                    (System.nanoTime() - started) / 1_000_000);
            var v = app.vehicleLineCounts();
            var w = app.webLineCounts();
            assertThat(List.of(v.received(), v.parsed(), v.deadLettered(), v.duplicates(), v.skippedHeaders()))
                    .containsExactly(vehicle.published(), vehicle.expectedEvents(), vehicle.expectedDeadLetters(),
                            vehicle.expectedDuplicates(), 0L);
            assertThat(List.of(w.received(), w.parsed(), w.deadLettered(), w.duplicates(), w.skippedHeaders()))
                    .containsExactly(web.published(), web.expectedEvents(), web.expectedDeadLetters(),
                            web.expectedDuplicates(), 0L);
            assertTopicsHoldExactly(topics, vehicle, web);
        }
    }

    @Test
    void applicationKilledMidRunAndReplacedWithoutLocalStateDoublesNothing() throws Exception {
        var topics = TopicSet.prefixed("crash");
        topics.create();
        FaultTruth vehicle = publishVehicles(topics, 21);

        Process child = startChild(topics.streamsProps("crash", temp.resolve("state-killed")));
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                    endOffsets(topics.vehicleEvents()) >= vehicle.expectedEvents() / 4);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long atKill = endOffsets(topics.vehicleEvents());
        LOG.info("killed the Streams JVM with {} of {} vehicle event offsets written", atKill,
                vehicle.expectedEvents());
        // the rest of the run arrives while no instance is up; the replacement restores dedupe state from changelogs
        FaultTruth web = publishWeb(topics, 22);
        try (var app = StreamsApp.start(StreamsAppConfig.of(topics.streamsProps("crash",
                temp.resolve("state-replacement"))))) {
            assertTopicsHoldExactly(topics, vehicle, web);
        }
    }

    @Test
    void reshippingADatedFolderProducesNoNewCanonicalEvent() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                kafka.bootstrapServers()))) {
            StreamsApp.createTopics(admin, 3);
        }
        Path rawLogs = temp.resolve("raw_logs");
        long lines = 0;
        for (String day : List.of("20200101", "20200102")) {
            var csv = new StringBuilder("Vehicle_id,timestamp,function,event\r\n");
            for (int i = 0; i < 150; i++) {
                long second = 1_577_836_800L + i;
                csv.append("V").append(i % 7).append(',').append(second).append(".25,lidar_fusion,start\r\n")
                        .append("V").append(i % 7).append(',').append(second).append(".75,lidar_fusion,end\r\n");
            }
            csv.append("V1,17x,lidar_fusion,start\r\n");
            Files.createDirectories(rawLogs.resolve(day));
            Files.writeString(rawLogs.resolve(day).resolve("vehicles.csv"), csv);
            lines += 302;
        }
        assertThat(ship(rawLogs, temp.resolve("offsets")).published()).isEqualTo(lines);
        var props = new HashMap<String, String>(Map.of(StreamsAppConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                StreamsAppConfig.APPLICATION_ID, "reship", StreamsAppConfig.STATE_DIR, temp.resolve("s").toString(),
                StreamsAppConfig.COMMIT_INTERVAL_MS, "100", "streams.override.auto.offset.reset", "earliest"));
        try (var app = StreamsApp.start(StreamsAppConfig.of(props))) {
            await().atMost(Duration.ofMinutes(2)).until(() -> app.vehicleLineCounts().accountedFor() >= 604);
            // resuming with the offsets of the first run ships nothing; shipping again from scratch ships it all
            assertThat(ship(rawLogs, temp.resolve("offsets")).published()).isZero();
            assertThat(ship(rawLogs, temp.resolve("fresh-offsets")).published()).isEqualTo(lines);
            await().atMost(Duration.ofMinutes(2)).until(() -> app.vehicleLineCounts().accountedFor() >= 2 * 604);
            var counts = app.vehicleLineCounts();
            assertThat(List.of(counts.parsed(), counts.duplicates(), counts.deadLettered(), counts.skippedHeaders()))
                    .containsExactly(600L, 600L, 4L, 4L);
            assertThat(total(drain(io.tributary.events.Topics.VEHICLE_EVENTS, 600, r -> "all"))).isEqualTo(600);
        }
    }

    private static io.tributary.producers.ship.FileShipper.Report ship(Path folder, Path offsets) {
        try (var publisher = publisher()) {
            return new io.tributary.producers.ship.FileShipper(publisher,
                    new io.tributary.producers.ship.ShipOffsets(offsets))
                    .ship(io.tributary.producers.ship.ShipFile.expand(List.of(folder), null), p -> { });
        }
    }

    private static void assertTopicsHoldExactly(TopicSet topics, FaultTruth vehicle, FaultTruth web) {
        Map<String, Long> vehicleIds = drain(topics.vehicleEvents(), vehicle.expectedEvents(),
                r -> VehicleEventJson.decode(r.value()).eventId());
        Map<String, Long> webIds = drain(topics.webRequests(), web.expectedEvents(),
                r -> WebRequestJson.decode(r.value()).eventId());
        Map<String, Long> dlqBySource = drain(topics.dlq(), vehicle.expectedDeadLetters() + web.expectedDeadLetters(),
                r -> new String(r.headers().lastHeader(DlqHeaders.SOURCE_TOPIC).value(), StandardCharsets.UTF_8));
        assertThat(total(vehicleIds)).as("vehicle events").isEqualTo(vehicle.expectedEvents());
        assertThat(vehicleIds).as("distinct vehicle event ids").hasSize((int) vehicle.expectedEvents());
        assertThat(total(webIds)).as("web requests").isEqualTo(web.expectedEvents());
        assertThat(webIds).as("distinct web request ids").hasSize((int) web.expectedEvents());
        assertThat(dlqBySource).isEqualTo(Map.of(topics.vehicleRaw(), vehicle.expectedDeadLetters(),
                topics.webRaw(), web.expectedDeadLetters()));
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static FaultTruth publishVehicles(TopicSet topics, long seed) {
        try (var publisher = publisher()) {
            var result = FleetRun.publish(new FleetSimulator(FleetSpec.of(seed, 50, LINES / 2).withRecordCalls(false)),
                    publisher, topics.vehicleRaw(), 0, FaultSpec.everyFaultAt(0.01, seed), p -> { });
            LOG.info("vehicle run: {}", result.faults());
            return result.faults();
        }
    }

    private static FaultTruth publishWeb(TopicSet topics, long seed) {
        try (var publisher = publisher()) {
            var result = WebRun.publish(new WebSimulator(WebSpec.of(seed, LINES / 2)), publisher, topics.webRaw(), 0,
                    FaultSpec.everyFaultAt(0.01, seed), p -> { });
            LOG.info("web run: {}", result.faults());
            return result.faults();
        }
    }

    private static LogPublisher publisher() {
        return new LogPublisher(LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS,
                kafka.bootstrapServers())));
    }

    private Process startChild(Map<String, String> props) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), StreamsAppMain.class.getName()));
        props.forEach((k, v) -> command.add(k + "=" + v));
        Path log = temp.resolve("streams-child.log");
        LOG.info("starting the Streams application in a child JVM (log {})", log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long endOffsets(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Committed records of the topic counted by {@code key}: waits for {@code expected} records, then keeps reading a
     * while for any extra. Counts rather than records, so a million-line run fits a small heap.
     */
    private static Map<String, Long> drain(String topic, long expected,
                                           Function<ConsumerRecord<String, byte[]>, String> key) {
        var counts = new HashMap<String, Long>();
        long[] seen = {0};
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "group.id", "it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "max.poll.records", "5000",
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Consumer<ConsumerRecord<String, byte[]>> count = r -> {
                counts.merge(key.apply(r), 1L, Long::sum);
                seen[0]++;
            };
            await().atMost(Duration.ofMinutes(10)).until(() -> {
                int polled;
                do {
                    var batch = consumer.poll(Duration.ofMillis(200));
                    batch.forEach(count);
                    polled = batch.count();
                } while (polled > 0 && seen[0] < expected);
                return seen[0] >= expected;
            });
            long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < quietUntil) {
                consumer.poll(Duration.ofMillis(200)).forEach(count);
            }
        }
        return counts;
    }
}
