package io.tributary.connect.s3.partition;

import io.tributary.connect.s3.storage.LandedObject;
import io.tributary.connect.s3.testing.InMemoryObjectStore;
import io.tributary.connect.s3.testing.MutableClock;
import io.tributary.connect.s3.testing.Records;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionWriterTest {
    private static final String TOPIC = "vehicle.events";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 3);
    private static final Instant DAY1 = Instant.parse("2020-01-01T23:59:00Z");
    private static final Instant DAY2 = Instant.parse("2020-01-02T00:00:01Z");

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    private PartitionWriter writer(int flushSize, long intervalMs, long idleMs) {
        return writer(new WriterSettings("landing", ZoneOffset.UTC, flushSize, intervalMs, idleMs), Optional.empty());
    }

    private PartitionWriter writer(WriterSettings settings, Optional<LandedObject> landed) {
        return new PartitionWriter(TP, settings, store, clock, landed);
    }

    private static void write(PartitionWriter writer, long offset, Instant timestamp) {
        if (writer.accept(offset)) {
            writer.append(offset, timestamp.toEpochMilli(),
                    Records.line(TOPIC, TP.partition(), offset).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<String> lines(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(o -> Records.line(TOPIC, 3, o)).toList();
    }

    @Test
    void recordOfAnotherDateClosesTheOpenFileAndStartsOneUnderItsOwnDt() {
        PartitionWriter writer = writer(100, -1, -1);
        write(writer, 40, DAY1);
        write(writer, 41, DAY1);
        write(writer, 42, DAY2);

        assertThat(store.keys()).containsExactly("landing/vehicle.events/dt=2020-01-01/vehicle.events+3+0000000040.jsonl.gz");
        assertThat(store.lines(store.keys().get(0))).isEqualTo(lines(40, 41));
        assertThat(writer.committableOffset()).hasValue(42);
    }

    @Test
    void dtIsTheRecordTimestampsDateInTheConfiguredZone() {
        var settings = new WriterSettings("landing", ZoneId.of("America/New_York"), 1, -1, -1);
        PartitionWriter writer = writer(settings, Optional.empty());
        write(writer, 0, DAY2); // 2020-01-01T19:00:01 in New York

        assertThat(store.keys()).containsExactly("landing/vehicle.events/dt=2020-01-01/vehicle.events+3+0000000000.jsonl.gz");
    }

    @Test
    void fileIsUploadedAsSoonAsItHoldsFlushSizeRecords() {
        PartitionWriter writer = writer(3, -1, -1);
        LongStream.range(0, 7).forEach(o -> write(writer, o, DAY1));

        assertThat(store.keys()).containsExactly(
                "landing/vehicle.events/dt=2020-01-01/vehicle.events+3+0000000000.jsonl.gz",
                "landing/vehicle.events/dt=2020-01-01/vehicle.events+3+0000000003.jsonl.gz");
        assertThat(store.lines(store.keys().get(1))).isEqualTo(lines(3, 5));
        assertThat(store.userMetadata(store.keys().get(1)))
                .containsEntry("start-offset", "3").containsEntry("end-offset", "5").containsEntry("record-count", "3");
        assertThat(writer.committableOffset()).hasValue(6);
    }

    @Test
    void recordMoreThanRotateIntervalAfterTheFilesFirstRecordStartsANewFile() {
        PartitionWriter writer = writer(100, 60_000, -1);
        Instant t0 = Instant.parse("2020-01-01T10:00:00Z");
        write(writer, 0, t0);
        write(writer, 1, t0.plusSeconds(59));
        write(writer, 2, t0.plusSeconds(60));

        assertThat(store.keys()).containsExactly("landing/vehicle.events/dt=2020-01-01/vehicle.events+3+0000000000.jsonl.gz");
        assertThat(store.lines(store.keys().get(0))).isEqualTo(lines(0, 1));
    }

    @Test
    void idleFileLandsOnlyAfterRotateIdleMsOfWallClockWithoutRecords() {
        PartitionWriter writer = writer(100, -1, 10_000);
        write(writer, 0, DAY1);
        clock.advance(Duration.ofSeconds(5));
        write(writer, 1, DAY1);
        clock.advance(Duration.ofMillis(9_999));
        writer.rotateIfIdle();
        assertThat(store.keys()).isEmpty();
        assertThat(writer.committableOffset()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        writer.rotateIfIdle();
        assertThat(store.keys()).hasSize(1);
        assertThat(store.lines(store.keys().get(0))).isEqualTo(lines(0, 1));
        assertThat(writer.committableOffset()).hasValue(2);
    }

    @Test
    void committableOffsetNeverCoversBufferedRecords() {
        PartitionWriter writer = writer(2, -1, -1);
        write(writer, 10, DAY1);
        assertThat(writer.committableOffset()).isEmpty();
        write(writer, 11, DAY1);
        write(writer, 12, DAY1);
        assertThat(writer.committableOffset()).hasValue(12);
    }

    @Test
    void recordsAtOrBelowTheNewestLandedEndOffsetAreSkippedAndCounted() {
        var landed = new LandedObject("landing/vehicle.events/dt=2020-01-01/vehicle.events+3+0000000000.jsonl.gz", 0, 9, 10);
        PartitionWriter writer = writer(new WriterSettings("landing", ZoneOffset.UTC, 5, -1, -1), Optional.of(landed));
        assertThat(writer.committableOffset()).hasValue(10);

        LongStream.range(5, 15).forEach(o -> write(writer, o, DAY1));

        assertThat(writer.skippedRecords()).isEqualTo(5);
        assertThat(store.keys()).containsExactly("landing/vehicle.events/dt=2020-01-01/vehicle.events+3+0000000010.jsonl.gz");
        assertThat(store.lines(store.keys().get(0))).isEqualTo(lines(10, 14));
    }

    @Test
    void failedUploadIsRetriedAndARedeliveredBatchIsNotBufferedTwice() {
        PartitionWriter writer = writer(3, -1, -1);
        store.failNextPuts(1);
        write(writer, 0, DAY1);
        write(writer, 1, DAY1);
        assertThatThrownBy(() -> write(writer, 2, DAY1)).isInstanceOf(RetriableException.class);
        assertThat(writer.committableOffset()).isEmpty();

        // the worker hands the same batch back after a RetriableException
        LongStream.range(0, 4).forEach(o -> write(writer, o, DAY1));

        assertThat(store.keys()).containsExactly("landing/vehicle.events/dt=2020-01-01/vehicle.events+3+0000000000.jsonl.gz");
        assertThat(store.lines(store.keys().get(0))).isEqualTo(lines(0, 2));
        assertThat(writer.committableOffset()).hasValue(3);
        assertThat(writer.skippedRecords()).isEqualTo(3);
    }

    @Test
    void skippedOverRecordIsCoveredByTheOpenFilesOffsetRange() {
        PartitionWriter writer = writer(100, -1, 1);
        write(writer, 0, DAY1);
        writer.accept(1);
        writer.skipOver(1);
        clock.advance(Duration.ofMillis(1));
        writer.rotateIfIdle();

        assertThat(store.userMetadata(store.keys().get(0))).isEqualTo(
                Map.of("start-offset", "0", "end-offset", "1", "record-count", "1"));
        assertThat(writer.committableOffset()).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void discardDropsBufferedRecordsWithoutUploading() {
        PartitionWriter writer = writer(100, -1, -1);
        write(writer, 0, DAY1);
        write(writer, 1, DAY1);

        assertThat(writer.discard()).isEqualTo(2);
        assertThat(store.puts()).isZero();
    }
}
