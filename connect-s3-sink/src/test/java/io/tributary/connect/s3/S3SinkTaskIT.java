package io.tributary.connect.s3;

import io.tributary.connect.s3.testing.InMemoryObjectStore;
import io.tributary.connect.s3.testing.MutableClock;
import io.tributary.connect.s3.testing.Records;
import io.tributary.connect.s3.testing.S3ProxyServer;
import io.tributary.connect.s3.testing.TestSinkTaskContext;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@link S3SinkTask} against a real S3-API server (s3proxy), driven the way a Connect worker drives it. */
class S3SinkTaskIT {
    private static final Logger log = LoggerFactory.getLogger(S3SinkTaskIT.class);
    private static final String TOPIC = "vehicle.events";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Instant DAY1 = Instant.parse("2020-01-01T23:00:00Z");
    private static final Instant DAY2 = Instant.parse("2020-01-02T01:00:00Z");
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3ProxyServer s3;
    private final List<S3SinkTask> tasks = new ArrayList<>();
    private String bucket;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "landing-it-" + BUCKETS.incrementAndGet();
        s3.client().createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void stopTasks() {
        tasks.forEach(S3SinkTask::stop);
    }

    private Map<String, String> props(String... overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                "name", "s3-sink-it",
                "s3.bucket.name", bucket,
                "s3.region", S3ProxyServer.REGION,
                "store.url", s3.endpoint().toString(),
                "s3.path.style.access.enabled", "true",
                "aws.access.key.id", S3ProxyServer.ACCESS_KEY,
                "aws.secret.access.key", S3ProxyServer.SECRET_KEY,
                "s3.part.retries", "1"));
        for (int i = 0; i < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        return props;
    }

    private S3SinkTask start(TestSinkTaskContext context, Clock clock) {
        S3SinkTask task = clock == null ? new S3SinkTask() : new S3SinkTask(S3SinkTask.defaultStoreFactory(), clock);
        task.initialize(context);
        task.start(context.configs());
        tasks.add(task);
        return task;
    }

    private List<String> keys() {
        return s3.keys(bucket);
    }

    private List<String> lines(String key) {
        return InMemoryObjectStore.gunzipLines(s3.client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    }

    private static List<SinkRecord> records(int partition, long from, long to, Instant timestamp) {
        return LongStream.rangeClosed(from, to).mapToObj(o -> Records.json(TOPIC, partition, o, timestamp)).toList();
    }

    private static List<String> expectedLines(int partition, long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(o -> Records.line(TOPIC, partition, o)).toList();
    }

    private static String key(String dt, int partition, long start) {
        return "landing/vehicle.events/dt=" + dt + "/" + String.format("vehicle.events+%d+%010d.jsonl.gz", partition, start);
    }

    @Test
    void recordsOfTwoDatesAndTwoPartitionsLandAsExactlyTheseObjects() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
        var context = new TestSinkTaskContext(props("flush.size", "3", "rotate.idle.ms", "10000"), false);
        S3SinkTask task = start(context, clock);
        task.open(List.of(P0, P1));
        List<SinkRecord> batch = new ArrayList<>();
        batch.addAll(records(0, 0, 4, DAY1));
        batch.addAll(records(1, 0, 1, DAY1));
        batch.addAll(records(0, 5, 6, DAY2));
        batch.addAll(records(1, 2, 5, DAY2));
        task.put(batch);
        clock.advance(Duration.ofSeconds(10));

        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(P0, new OffsetAndMetadata(7), P1, new OffsetAndMetadata(6)));
        assertThat(keys()).containsExactly(
                key("2020-01-01", 0, 0), key("2020-01-01", 0, 3), key("2020-01-01", 1, 0),
                key("2020-01-02", 0, 5), key("2020-01-02", 1, 2), key("2020-01-02", 1, 5));
        assertThat(lines(key("2020-01-01", 0, 0))).isEqualTo(expectedLines(0, 0, 2));
        assertThat(lines(key("2020-01-01", 0, 3))).isEqualTo(expectedLines(0, 3, 4));
        assertThat(lines(key("2020-01-01", 1, 0))).isEqualTo(expectedLines(1, 0, 1));
        assertThat(lines(key("2020-01-02", 0, 5))).isEqualTo(expectedLines(0, 5, 6));
        assertThat(lines(key("2020-01-02", 1, 2))).isEqualTo(expectedLines(1, 2, 4));
        assertThat(lines(key("2020-01-02", 1, 5))).isEqualTo(expectedLines(1, 5, 5));
        assertThat(s3.client().headObject(b -> b.bucket(bucket).key(key("2020-01-02", 1, 2))).metadata())
                .containsEntry("start-offset", "2").containsEntry("end-offset", "4").containsEntry("record-count", "3");
    }

    @Test
    void idleRotationLandsTheTailOfAStreamOnTheWallClock() {
        var context = new TestSinkTaskContext(props("flush.size", "1000", "rotate.idle.ms", "200"), false);
        S3SinkTask task = start(context, null);
        task.open(List.of(P0));
        task.put(records(0, 0, 9, DAY1));
        assertThat(keys()).isEmpty();

        // a worker calls put() with no records while the topic is quiet
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            task.put(List.of());
            assertThat(keys()).containsExactly(key("2020-01-01", 0, 0));
        });
        assertThat(lines(key("2020-01-01", 0, 0))).isEqualTo(expectedLines(0, 0, 9));
        assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(10)))).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
    }

    @Test
    void taskRestartedAfterACrashResumesAfterS3AndLandsNoRecordTwice() {
        var crashed = start(new TestSinkTaskContext(props("flush.size", "4", "rotate.idle.ms", "-1"), false), null);
        crashed.open(List.of(P0));
        crashed.put(records(0, 0, 9, DAY1)); // lands 0..3 and 4..7; 8..9 buffered; no preCommit: commit lost
        assertThat(keys()).containsExactly(key("2020-01-01", 0, 0), key("2020-01-01", 0, 4));

        var context = new TestSinkTaskContext(props("flush.size", "4", "rotate.idle.ms", "-1"), false);
        S3SinkTask restarted = start(context, null);
        restarted.open(List.of(P0));
        assertThat(context.rewinds()).isEqualTo(Map.of(P0, 8L));
        assertThat(restarted.preCommit(Map.of())).isEqualTo(Map.of(P0, new OffsetAndMetadata(8)));

        // the consumer may still deliver from the last committed offset (0) before the rewind applies
        restarted.put(records(0, 0, 11, DAY1));

        assertThat(restarted.skippedRecords()).isEqualTo(Map.of(P0, 8L));
        assertThat(keys()).containsExactly(key("2020-01-01", 0, 0), key("2020-01-01", 0, 4), key("2020-01-01", 0, 8));
        List<String> all = keys().stream().flatMap(k -> lines(k).stream()).toList();
        assertThat(all).isEqualTo(expectedLines(0, 0, 11));
        assertThat(restarted.preCommit(Map.of())).isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));
    }

    @Test
    void preCommitNeverReturnsAnOffsetBeyondWhatIsInS3() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
        var context = new TestSinkTaskContext(props("flush.size", "7", "rotate.idle.ms", "5000"), false);
        S3SinkTask task = start(context, clock);
        task.open(List.of(P0));
        long next = 0;
        for (int round = 0; round < 12; round++) {
            int size = (round * 5) % 11 + 1;
            task.put(records(0, next, next + size - 1, DAY1));
            next += size;
            clock.advance(Duration.ofMillis(round % 3 == 0 ? 5000 : 100));
            Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(P0, new OffsetAndMetadata(next)));
            long landedEnd = keys().stream()
                    .mapToLong(k -> Long.parseLong(s3.client().headObject(b -> b.bucket(bucket).key(k)).metadata().get("end-offset")))
                    .max().orElse(-1);
            if (landedEnd < 0) {
                assertThat(committed).isEmpty();
            } else {
                assertThat(committed).isEqualTo(Map.of(P0, new OffsetAndMetadata(landedEnd + 1)));
            }
        }
        assertThat(keys().stream().flatMap(k -> lines(k).stream()).toList())
                .isEqualTo(expectedLines(0, 0, task.preCommit(Map.of()).get(P0).offset() - 1));
    }

    @Test
    void fileLargerThanThePartSizeIsSentAsAMultipartUpload() {
        var context = new TestSinkTaskContext(props("flush.size", "1000000", "rotate.idle.ms", "-1",
                "rotate.interval.ms", "1000", "s3.part.size", Integer.toString(5 * 1024 * 1024)), false);
        S3SinkTask task = start(context, null);
        task.open(List.of(P0));
        var random = new java.util.Random(7);
        List<SinkRecord> batch = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int o = 0; o < 40_000; o++) {
            byte[] noise = new byte[160];
            random.nextBytes(noise);
            String value = "{\"offset\":" + o + ",\"noise\":\"" + java.util.Base64.getEncoder().encodeToString(noise) + "\"}";
            batch.add(Records.value(TOPIC, 0, o, DAY1, value));
            expected.add(value);
        }
        batch.add(Records.json(TOPIC, 0, 40_000, DAY1.plusSeconds(1))); // past rotate.interval.ms: closes the big file
        long started = System.nanoTime();
        task.put(batch);
        double seconds = (System.nanoTime() - started) / 1e9;

        long size = s3.client().headObject(b -> b.bucket(bucket).key(key("2020-01-01", 0, 0))).contentLength();
        log.info("Measured: 40000 records ({} MB uncompressed) -> {} MB gzip object via multipart in {} s",
                String.format("%.1f", expected.stream().mapToLong(String::length).sum() / 1e6),
                String.format("%.1f", size / 1e6), String.format("%.2f", seconds));
        assertThat(size).isGreaterThan(5L * 1024 * 1024);
        assertThat(lines(key("2020-01-01", 0, 0))).isEqualTo(expected);
    }

    @Test
    void missingBucketFailsTheTaskNamingBucketAndKey() {
        var props = props();
        props.put("s3.bucket.name", "no-such-bucket");
        S3SinkTask task = start(new TestSinkTaskContext(props, false), null);
        assertThatThrownBy(() -> task.open(List.of(P0)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("s3://no-such-bucket/landing/vehicle.events/")
                .hasMessageContaining("NoSuchBucket");
    }

    @Test
    void wrongCredentialsFailTheTaskWithoutShowingTheSecret() {
        S3SinkTask task = start(new TestSinkTaskContext(props("aws.secret.access.key", "wrong-secret-value"), false), null);
        assertThatThrownBy(() -> task.open(List.of(P0)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("s3://" + bucket + "/")
                .hasMessageContaining("403")
                .hasMessageNotContaining("wrong-secret-value");
    }

    @Test
    void measuredThroughputOfCanonicalEvents() {
        var context = new TestSinkTaskContext(props("flush.size", "10000", "rotate.idle.ms", "-1"), false);
        S3SinkTask task = start(context, null);
        task.open(List.of(P0));
        int n = 200_000;
        List<SinkRecord> batch = new ArrayList<>(n);
        long bytes = 0;
        for (int o = 0; o < n; o++) {
            String value = String.format("{\"event_id\":\"%032x\",\"vehicle_id\":\"V%d\",\"function_name\":\"lidar_fusion\","
                    + "\"event_type\":\"%s\",\"event_time\":\"2020-01-01T00:00:%02d.125000Z\",\"seq\":%d,\"source\":\"fleet-sim\","
                    + "\"ingest_time\":\"2026-11-21T10:00:00.000Z\"}", o * 2654435761L, o % 500, o % 2 == 0 ? "START" : "END",
                    o % 60, o);
            bytes += value.length() + 1;
            batch.add(Records.value(TOPIC, 0, o, DAY1, value));
        }
        long started = System.nanoTime();
        task.put(batch);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Measured: {} canonical events ({} MB) landed as {} objects in {} s: {} records/s, {} MB/s",
                n, String.format("%.1f", bytes / 1e6), keys().size(), String.format("%.2f", seconds),
                Math.round(n / seconds), String.format("%.1f", bytes / 1e6 / seconds));
        assertThat(keys()).hasSize(n / 10_000);
        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(P0, new OffsetAndMetadata(n)));
    }
}
