package io.tributary.connect.s3.worker;

import io.tributary.connect.s3.testing.S3ProxyServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults against the packaged plugin in a real Connect worker running as its own process (killed with SIGKILL),
 * a real KRaft broker and s3proxy. The checker reads every landed object back and requires each offset exactly
 * once with no gap. Runs at the acceptance size (system property {@code tributary.kill.records}, default 200,000,
 * about 1.5 min here); a bigger run is the same test with a bigger number.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class S3SinkFaultsWorkerIT {
    private static final Logger log = LoggerFactory.getLogger(S3SinkFaultsWorkerIT.class);
    private static final Pattern LINE = Pattern.compile("\\{\"p\":(\\d+),\"i\":(\\d+),.*");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

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
                // a killed worker's consumers leave the group only when their session times out
                .setConfigProp("group.min.session.timeout.ms", "1000")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        s3 = S3ProxyServer.start();
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

    @Test
    void killingTheWorkerFiveTimesLandsEveryOffsetExactlyOnce(@TempDir Path dir) throws Exception {
        int total = Integer.getInteger("tributary.kill.records", 200_000);
        int partitions = 6;
        String topic = "kill.events";
        String bucket = "kill-it";
        setUp(topic, partitions, bucket);
        Random random = new Random(42);
        // mostly "now", every 10th record up to 5 days late: several open files per partition, interleaved
        produce(topic, partitions, total, i -> i % 10 == 0 ? NOW.minus(Duration.ofDays(random.nextInt(5))) : NOW);

        Map<String, String> connector = connector("kill-sink", topic, bucket, Map.of(
                "flush.size", "2000", "rotate.interval.ms", "-1", "rotate.idle.ms", "3000",
                "max.open.files.per.task", "24", "tasks.max", "2"));
        for (int kill = 1; kill <= 5; kill++) {
            try (WorkerProcess worker = WorkerProcess.start(dir, kill, "512m", worker(dir, 2000), connector)) {
                int landedBefore = s3.keys(bucket).size();
                // a random point within the next few uploads: 5 kills stay well inside the >= 30 full files
                int target = landedBefore + 1 + random.nextInt(5);
                await().atMost(Duration.ofMinutes(3)).until(() -> s3.keys(bucket).size() >= target);
                log.info("kill -9 #{} of the worker after {} landed objects", kill, s3.keys(bucket).size());
                worker.kill();
            }
        }
        try (WorkerProcess worker = WorkerProcess.start(dir, 6, "512m", worker(dir, 2000), connector)) {
            awaitCommittedToTheEnd("kill-sink", topic);
        }
        assertEveryOffsetExactlyOnce(bucket, partitions, total);
    }

    /**
     * Connect calls put() after each consumer poll, and a poll with no records waits until the next offset commit;
     * here partition 1 keeps the task busy (a record every 100 ms) while partition 0 gets one record, and the
     * worker never commits (offset.flush.interval.ms = 10 min), so the kill always falls between upload and commit.
     */
    @Test
    void idlePartitionLandsItsOneRecordAndAKillBeforeTheCommitDoesNotLandItTwice(@TempDir Path dir) throws Exception {
        String topic = "idle.events";
        String bucket = "idle-it";
        setUp(topic, 2, bucket);
        Map<String, String> connector = connector("idle-sink", topic, bucket, Map.of("rotate.idle.ms", "2000",
                "flush.size", "100000", "rotate.interval.ms", "-1"));
        Map<String, String> worker = worker(dir, 600_000);
        var busy = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (var producer = producer()) {
            busy.scheduleAtFixedRate(() -> producer.send(new ProducerRecord<>(topic, 1, NOW.toEpochMilli(), null,
                    value(1, 0))), 0, 100, TimeUnit.MILLISECONDS);
            String lone = "landing/idle.events/dt=2026-11-21/idle.events+0+";
            try (WorkerProcess process = WorkerProcess.start(dir, 1, "256m", worker, connector)) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, 0, NOW.toEpochMilli(), null, value(0, 0))).get();
                await().atMost(Duration.ofSeconds(2 + 10))
                        .until(() -> s3.keys(bucket).stream().anyMatch(k -> k.startsWith(lone)));
                log.info("idle record landed {} ms after it was sent", (System.nanoTime() - sent) / 1_000_000);
                process.kill();
            }
            assertThat(committed("idle-sink")).as("the kill came before any offset commit").doesNotContainKey(0);
            try (WorkerProcess process = WorkerProcess.start(dir, 2, "256m", worker, connector)) {
                producer.send(new ProducerRecord<>(topic, 0, NOW.toEpochMilli(), null, value(0, 1))).get();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> s3.keys(bucket).stream().filter(k -> k.startsWith(lone)).count() == 2);
            }
        } finally {
            busy.shutdownNow();
        }
        List<String> partition0 = s3.keys(bucket).stream().filter(k -> k.contains("+0+"))
                .flatMap(k -> s3.lines(bucket, k).stream()).toList();
        assertThat(partition0).containsExactlyInAnyOrder(new String(value(0, 0), StandardCharsets.UTF_8),
                new String(value(0, 1), StandardCharsets.UTF_8));
    }

    private static Map<Integer, Long> committed(String connector) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<Integer, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).forEach((tp, om) -> offsets.put(tp.partition(), om.offset()));
            return offsets;
        }
    }

    @Test
    void lateRecordsOverAThousandDaysLandOnceInAWorkerWith256MbHeap(@TempDir Path dir) throws Exception {
        String topic = "late.events";
        String bucket = "late-it";
        int total = 10_000;
        setUp(topic, 3, bucket);
        Random random = new Random(3);
        produce(topic, 3, total, i -> NOW.minus(Duration.ofDays(random.nextInt(1000))));
        Map<String, String> connector = connector("late-sink", topic, bucket, Map.of(
                "max.open.files.per.task", "1000", "rotate.idle.ms", "2000", "flush.size", "10000"));
        try (WorkerProcess worker = WorkerProcess.start(dir, 1, "256m", worker(dir, 2000), connector)) {
            awaitCommittedToTheEnd("late-sink", topic);
            assertThat(worker.isAlive()).as("worker with -Xmx256m still running (ExitOnOutOfMemoryError)").isTrue();
            assertThat(worker.tasksRunning("late-sink")).isTrue();
        }
        assertEveryOffsetExactlyOnce(bucket, 3, total);
        assertThat(s3.keys(bucket).stream().map(k -> k.replaceAll(".*/(dt=[^/]+)/.*", "$1")).distinct().count())
                .isGreaterThan(900);
    }

    @Test
    void recordTheSinkCannotWriteGoesToTheDlqWithAReasonAndTheTaskKeepsRunning(@TempDir Path dir) throws Exception {
        String topic = "dlq.events";
        String bucket = "dlq-it";
        setUp(topic, 1, bucket);
        Map<String, String> props = new HashMap<>(Map.of("errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", "dlq.sink", "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true", "rotate.idle.ms", "1000"));
        try (WorkerProcess worker = WorkerProcess.start(dir, 1, "256m", worker(dir, 2000),
                connector("dlq-sink", topic, bucket, props));
             var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, 0, NOW.toEpochMilli(), null, value(0, 0))).get();
            producer.send(new ProducerRecord<>(topic, 0, NOW.toEpochMilli(), (byte[]) null, (byte[]) null)).get(); // tombstone
            producer.send(new ProducerRecord<>(topic, 0, NOW.toEpochMilli(), null, value(0, 2))).get();

            ConsumerRecord<byte[], byte[]> dead = readOne("dlq.sink");
            String reason = new String(dead.headers().lastHeader("__connect.errors.exception.message").value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains("dlq.events-0@1").contains("null value");
            await().atMost(Duration.ofSeconds(30)).until(() -> landedRecordCount(bucket) == 2);
            assertThat(worker.tasksRunning("dlq-sink")).isTrue();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void setUp(String topic, int partitions, String bucket) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            // the records carry event times days to years old: time retention would delete them before the sink reads them
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of("retention.ms", "-1")))).all().get(30, TimeUnit.SECONDS);
        }
        s3.client().createBucket(b -> b.bucket(bucket));
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "linger.ms", "20",
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
    }

    private static byte[] value(int partition, long index) {
        return ("{\"p\":" + partition + ",\"i\":" + index + ",\"event_id\":\"" + Long.toHexString(index * 7919L)
                + "\",\"vehicle_id\":\"V" + (index % 500) + "\",\"function_name\":\"lidar_fusion\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void produce(String topic, int partitions, int total, java.util.function.LongFunction<Instant> time)
            throws Exception {
        produceFrom(topic, partitions, 0, total, time);
    }

    /** Round-robin over partitions; with one producer and no transactions, record i of a partition is offset i. */
    private static void produceFrom(String topic, int partitions, long from, int count,
                                    java.util.function.LongFunction<Instant> time) throws Exception {
        try (var producer = producer()) {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            for (long n = 0; n < count; n++) {
                int partition = (int) (n % partitions);
                long index = from + n / partitions;
                sends.add(producer.send(new ProducerRecord<>(topic, partition, time.apply(n).toEpochMilli(), null,
                        value(partition, index))));
            }
            producer.flush();
            for (var send : sends) {
                send.get(); // a record the broker refused fails here, not as a sink that waits for it forever
            }
        }
    }

    private static ConsumerRecord<byte[], byte[]> readOne(String topic) {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "group.id", "dlq-reader", "auto.offset.reset", "earliest",
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return !records.isEmpty();
            });
            return records.get(0);
        }
    }

    private static Map<String, String> worker(Path dir, long offsetFlushMs) throws Exception {
        Path pluginPath = Path.of(System.getProperty("tributary.project.root"), "connect-s3-sink", "target", "plugin");
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("listeners", "http://127.0.0.1:" + freePort());
        props.put("plugin.path", pluginPath.toString());
        props.put("plugin.discovery", "service_load");
        props.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        props.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        props.put("consumer.isolation.level", "read_committed");
        props.put("consumer.max.poll.records", "2000");
        props.put("consumer.session.timeout.ms", "3000");
        props.put("consumer.heartbeat.interval.ms", "1000");
        props.put("offset.flush.interval.ms", Long.toString(offsetFlushMs));
        props.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        return props;
    }

    private static Map<String, String> connector(String name, String topic, String bucket, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("name", name);
        props.put("connector.class", "io.tributary.connect.s3.S3SinkConnector");
        props.put("tasks.max", "1");
        props.put("topics", topic);
        props.put("s3.bucket.name", bucket);
        props.put("store.url", s3.endpoint().toString());
        props.put("s3.path.style.access.enabled", "true");
        props.put("aws.access.key.id", S3ProxyServer.ACCESS_KEY);
        props.put("aws.secret.access.key", S3ProxyServer.SECRET_KEY);
        props.put("s3.part.size", Integer.toString(5 * 1024 * 1024));
        props.putAll(extra);
        return props;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The sink's committed offsets reach the end of every partition: everything landed, and no phantom lag. */
    private static void awaitCommittedToTheEnd(String connector, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                var committed = admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(topic).partitions();
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                        new HashMap<>();
                partitions.forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                return ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() == e.getValue().offset());
            });
        }
    }

    private static long landedRecordCount(String bucket) {
        return s3.keys(bucket).stream().mapToLong(k -> Long.parseLong(s3.client()
                .headObject(b -> b.bucket(bucket).key(k)).metadata().get("record-count"))).sum();
    }

    /** Reads every object back: each (partition, offset) exactly once, offsets 0..n-1 of each partition, no gap. */
    private static void assertEveryOffsetExactlyOnce(String bucket, int partitions, int total) {
        Map<Integer, Map<Long, Integer>> seen = new TreeMap<>();
        for (String key : s3.keys(bucket)) {
            for (String line : s3.lines(bucket, key)) {
                Matcher m = LINE.matcher(line);
                assertThat(m.matches()).as("line %s of %s", line, key).isTrue();
                seen.computeIfAbsent(Integer.parseInt(m.group(1)), p -> new TreeMap<>())
                        .merge(Long.parseLong(m.group(2)), 1, Integer::sum);
                assertThat(key).contains("+" + m.group(1) + "+");
            }
        }
        long landed = 0;
        for (int p = 0; p < partitions; p++) {
            Map<Long, Integer> offsets = seen.getOrDefault(p, Map.of());
            long expected = total / partitions + (p < total % partitions ? 1 : 0);
            assertThat(offsets.entrySet().stream().filter(e -> e.getValue() != 1).toList())
                    .as("offsets of partition %d landed more than once", p).isEmpty();
            assertThat(offsets.keySet()).as("partition %d has no gap", p).hasSize((int) expected);
            if (expected > 0) {
                assertThat(((TreeMap<Long, Integer>) offsets).lastKey()).isEqualTo(expected - 1);
            }
            landed += offsets.size();
        }
        assertThat(landed).isEqualTo(total);
    }
}
