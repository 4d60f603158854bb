package io.tributary.connect.s3;

import io.tributary.connect.s3.storage.LandedObject;
import io.tributary.connect.s3.testing.InMemoryObjectStore;
import io.tributary.connect.s3.testing.MutableClock;
import io.tributary.connect.s3.testing.Records;
import io.tributary.connect.s3.testing.TestSinkTaskContext;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3SinkTaskTest {
    private static final String TOPIC = "vehicle.events";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Instant T = Instant.parse("2020-01-01T10:00:00Z");
    private static final Map<String, String> PROPS = Map.of("s3.bucket.name", "tributary-landing",
            "flush.size", "3", "rotate.idle.ms", "10000");

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    private S3SinkTask startedTask(TestSinkTaskContext context) {
        S3SinkTask task = new S3SinkTask(config -> store, clock);
        task.initialize(context);
        task.start(PROPS);
        return task;
    }

    @Test
    void openRewindsEachPartitionToJustAfterItsNewestLandedObject() {
        String key = "landing/vehicle.events/dt=2020-01-01/vehicle.events+1+0000000020.jsonl.gz";
        store.seed(key, List.of("{}"), new LandedObject(key, "dt=2020-01-01", 20, 24, 5, 25, List.of()).userMetadata());
        var context = new TestSinkTaskContext(PROPS, false);
        S3SinkTask task = startedTask(context);

        task.open(List.of(P0, P1));

        assertThat(context.rewinds()).isEqualTo(Map.of(P1, 25L));
        assertThat(task.preCommit(Map.of())).isEqualTo(Map.of(P1, new OffsetAndMetadata(25)));
    }

    @Test
    void preCommitReturnsTheStartOfTheOldestOpenFileAndLandsIdleTails() {
        var context = new TestSinkTaskContext(PROPS, false);
        S3SinkTask task = startedTask(context);
        task.open(List.of(P0, P1));
        task.put(List.of(Records.json(TOPIC, 0, 0, T), Records.json(TOPIC, 0, 1, T), Records.json(TOPIC, 0, 2, T),
                Records.json(TOPIC, 0, 3, T), Records.json(TOPIC, 1, 7, T)));

        assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(4), P1, new OffsetAndMetadata(8))))
                .as("nothing below the open files' first offsets is missing from S3")
                .isEqualTo(Map.of(P0, new OffsetAndMetadata(3), P1, new OffsetAndMetadata(7)));

        clock.advance(Duration.ofSeconds(10));
        assertThat(task.preCommit(Map.of()))
                .isEqualTo(Map.of(P0, new OffsetAndMetadata(4), P1, new OffsetAndMetadata(8)));
        assertThat(store.keys()).containsExactly(
                "landing/vehicle.events/dt=2020-01-01/vehicle.events+0+0000000000.jsonl.gz",
                "landing/vehicle.events/dt=2020-01-01/vehicle.events+0+0000000003.jsonl.gz",
                "landing/vehicle.events/dt=2020-01-01/vehicle.events+1+0000000007.jsonl.gz");
    }

    @Test
    void emptyPutLandsAnIdleTail() {
        S3SinkTask task = startedTask(new TestSinkTaskContext(PROPS, false));
        task.open(List.of(P0));
        task.put(List.of(Records.json(TOPIC, 0, 0, T)));
        clock.advance(Duration.ofSeconds(10));
        task.put(List.of());
        assertThat(store.keys()).containsExactly("landing/vehicle.events/dt=2020-01-01/vehicle.events+0+0000000000.jsonl.gz");
    }

    @Test
    void badValueWithoutErrantReporterFailsTheTaskNamingTopicPartitionOffset() {
        S3SinkTask task = startedTask(new TestSinkTaskContext(PROPS, false));
        task.open(List.of(P0));
        assertThatThrownBy(() -> task.put(List.of(Records.value(TOPIC, 0, 41, T, null))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("vehicle.events-0@41").hasMessageContaining("errors.tolerance=all");
    }

    @Test
    void badValueGoesToTheErrantReporterAndLaterRecordsStillLand() {
        var context = new TestSinkTaskContext(PROPS, true);
        S3SinkTask task = startedTask(context);
        task.open(List.of(P0));
        task.put(List.of(Records.json(TOPIC, 0, 0, T), Records.value(TOPIC, 0, 1, T, 42L),
                Records.json(TOPIC, 0, 2, T), Records.json(TOPIC, 0, 3, T)));

        assertThat(context.errantRecords()).extracting(r -> r.kafkaOffset()).containsExactly(1L);
        String key = "landing/vehicle.events/dt=2020-01-01/vehicle.events+0+0000000000.jsonl.gz";
        assertThat(store.lines(key)).containsExactly(Records.line(TOPIC, 0, 0), Records.line(TOPIC, 0, 2),
                Records.line(TOPIC, 0, 3));
        assertThat(store.userMetadata(key)).containsEntry("end-offset", "3").containsEntry("record-count", "3");
    }

    @Test
    void closeDropsBufferedRecordsSoReopeningStartsFromS3() {
        var context = new TestSinkTaskContext(PROPS, false);
        S3SinkTask task = startedTask(context);
        task.open(List.of(P0));
        task.put(List.of(Records.json(TOPIC, 0, 0, T), Records.json(TOPIC, 0, 1, T), Records.json(TOPIC, 0, 2, T),
                Records.json(TOPIC, 0, 3, T)));
        task.close(List.of(P0));
        task.open(List.of(P0));
        // redelivered from the committed offset 0: 0..2 are in S3 and skipped, 3 is written again
        task.put(List.of(Records.json(TOPIC, 0, 0, T), Records.json(TOPIC, 0, 1, T), Records.json(TOPIC, 0, 2, T),
                Records.json(TOPIC, 0, 3, T), Records.json(TOPIC, 0, 4, T), Records.json(TOPIC, 0, 5, T)));

        assertThat(context.rewinds()).isEqualTo(Map.of(P0, 3L));
        assertThat(task.skippedRecords()).isEqualTo(Map.of(P0, 3L));
        assertThat(store.keys()).containsExactly(
                "landing/vehicle.events/dt=2020-01-01/vehicle.events+0+0000000000.jsonl.gz",
                "landing/vehicle.events/dt=2020-01-01/vehicle.events+0+0000000003.jsonl.gz");
        assertThat(store.lines(store.keys().get(1))).containsExactly(Records.line(TOPIC, 0, 3),
                Records.line(TOPIC, 0, 4), Records.line(TOPIC, 0, 5));
    }

    @Test
    void recordOfAPartitionNotOpenedFailsTheTask() {
        S3SinkTask task = startedTask(new TestSinkTaskContext(PROPS, false));
        task.open(List.of(P0));
        assertThatThrownBy(() -> task.put(List.of(Records.json(TOPIC, 1, 0, T))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("vehicle.events-1@0");
    }
}
