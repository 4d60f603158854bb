package io.tributary.connect.s3.partition;

import io.tributary.connect.s3.storage.LandedObjects;
import io.tributary.connect.s3.storage.LandedObjects.Recovery;
import io.tributary.connect.s3.testing.InMemoryObjectStore;
import io.tributary.connect.s3.testing.MutableClock;
import io.tributary.connect.s3.testing.Records;
import io.tributary.connect.s3.testing.TestSettings;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionWriterTest {
    private static final String TOPIC = "vehicle.events";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 3);
    private static final Instant DAY1 = Instant.parse("2020-01-01T23:59:00Z");
    private static final Instant DAY2 = Instant.parse("2020-01-02T00:00:01Z");
    private static final String KEY_DAY1 = "landing/vehicle.events/dt=2020-01-01/vehicle.events+3+";
    private static final String KEY_DAY2 = "landing/vehicle.events/dt=2020-01-02/vehicle.events+3+";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    private PartitionWriter writer(WriterSettings settings, FileBudget budget) {
        return new PartitionWriter(TP, settings, store, clock, budget, recovery());
    }

    private PartitionWriter writer(int flushSize, long intervalMs, long idleMs) {
        return writer(TestSettings.of(flushSize, intervalMs, idleMs), new FileBudget(100));
    }

    private Recovery recovery() {
        return LandedObjects.recover(store, "landing", TOPIC, List.of(TP), "jsonl.gz").get(TP);
    }

    private static void write(PartitionWriter writer, long offset, Instant timestamp) {
        writer.write(Records.json(TOPIC, TP.partition(), offset, timestamp), offset);
    }

    private static List<String> lines(long... offsets) {
        return LongStream.of(offsets).mapToObj(o -> Records.line(TOPIC, 3, o)).toList();
    }

    /** Every landed line of the partition, each offset parsed back out of it. */
    private List<Long> landedOffsets() {
        List<Long> offsets = new ArrayList<>();
        for (String key : store.keys()) {
            for (String line : store.lines(key)) {
                offsets.add(Long.parseLong(line.replaceAll(".*\"offset\":(\\d+).*", "$1")));
            }
        }
        return offsets;
    }

    @Test
    void recordsOfTwoDaysGoToTwoOpenFilesThatInterleaveOffsets() {
        PartitionWriter writer = writer(3, -1, -1);
        write(writer, 40, DAY1);
        write(writer, 41, DAY2);
        write(writer, 42, DAY1);
        assertThat(store.keys()).isEmpty();
        assertThat(writer.committableOffset()).hasValue(40);

        write(writer, 43, DAY1);

        assertThat(store.keys()).containsExactly(KEY_DAY1 + "0000000040.jsonl.gz");
        assertThat(store.lines(KEY_DAY1 + "0000000040.jsonl.gz")).isEqualTo(lines(40, 42, 43));
        assertThat(store.userMetadata(KEY_DAY1 + "0000000040.jsonl.gz"))
                .containsEntry("end-offset", "43").containsEntry("watermark", "41").containsEntry("landed-above", "40");
        assertThat(writer.committableOffset()).as("the open dt=2020-01-02 file holds offset 41").hasValue(41);
    }

    @Test
    void flushSizeAndRotateIntervalCutFilesFromTheDataAlone() {
        PartitionWriter writer = writer(2, 60_000, -1);
        write(writer, 0, DAY1.minusSeconds(3600));
        write(writer, 1, DAY1.minusSeconds(3600));
        write(writer, 2, DAY1.minusSeconds(120));
        write(writer, 3, DAY1);
        assertThat(store.keys()).containsExactly(KEY_DAY1 + "0000000000.jsonl.gz", KEY_DAY1 + "0000000002.jsonl.gz");
        assertThat(writer.committableOffset()).hasValue(3);
    }

    @Test
    void idleFileLandsOnTheInjectedClockAndTheCommitFollowsIt() {
        PartitionWriter writer = writer(100, -1, 5_000);
        write(writer, 7, DAY1);
        clock.advance(Duration.ofMillis(4_999));
        writer.rotateIfIdle();
        assertThat(store.keys()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        writer.rotateIfIdle();
        assertThat(store.keys()).containsExactly(KEY_DAY1 + "0000000007.jsonl.gz");
        assertThat(writer.committableOffset()).hasValue(8);
    }

    @Test
    void restartAfterInterleavedUploadsSkipsExactlyTheLandedRecords() {
        PartitionWriter first = writer(2, -1, -1);
        write(first, 0, DAY1);
        write(first, 1, DAY2);
        write(first, 2, DAY2); // lands dt=02 [1,2]; dt=01 still open at 0
        write(first, 3, DAY1); // lands dt=01 [0,3]
        write(first, 4, DAY2);
        assertThat(first.committableOffset()).hasValue(4);
        first.discard(); // crash: offset 4 only in memory, and no commit happened at all

        PartitionWriter second = writer(2, -1, -1);
        LongStream.rangeClosed(0, 6).forEach(o -> write(second, o, o % 3 == 0 ? DAY1 : DAY2));
        second.rotateIfIdle();

        assertThat(second.skippedRecords()).isEqualTo(4);
        assertThat(landedOffsets()).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void lateRecordsNeverKeepMoreFilesOpenThanTheBudgetAndLandEachOnce() {
        FileBudget budget = new FileBudget(4);
        PartitionWriter writer = writer(TestSettings.of(1000, -1, -1), budget);
        Random random = new Random(7);
        for (long offset = 0; offset < 500; offset++) {
            write(writer, offset, DAY1.minus(Duration.ofDays(random.nextInt(1000))));
            assertThat(budget.openFiles()).isLessThanOrEqualTo(4);
        }
        writer.discard();
        // a restart recovers from the files landed so far: nothing landed twice, the rest is re-delivered
        FileBudget secondBudget = new FileBudget(4);
        PartitionWriter second = writer(TestSettings.of(1000, -1, -1), secondBudget);
        random = new Random(7);
        for (long offset = 0; offset < 500; offset++) {
            write(second, offset, DAY1.minus(Duration.ofDays(random.nextInt(1000))));
        }
        while (secondBudget.openFiles() > 0) {
            second.closeOldest("test: flush everything");
        }
        assertThat(landedOffsets()).doesNotHaveDuplicates().hasSize(500);
    }

    @Test
    void tooManyFilesLandedAboveTheWatermarkCloseTheFileHoldingItBack() {
        PartitionWriter writer = writer(2, -1, -1);
        write(writer, 100, DAY2); // stays open with one record: holds the watermark at 100
        long offset = 101;
        for (int day = 1; day <= WriterSettings.MAX_LANDED_ABOVE_WATERMARK; day++) {
            write(writer, offset++, DAY1.minus(Duration.ofDays(day)));
            write(writer, offset++, DAY1.minus(Duration.ofDays(day))); // flush.size=2 lands it
        }
        assertThat(writer.committableOffset()).hasValue(100);
        assertThat(store.keys()).noneMatch(k -> k.startsWith(KEY_DAY2));

        write(writer, offset++, DAY1.minus(Duration.ofDays(999)));
        write(writer, offset++, DAY1.minus(Duration.ofDays(999)));

        assertThat(store.keys()).contains(KEY_DAY2 + "0000000100.jsonl.gz");
        assertThat(writer.committableOffset()).hasValue(offset);
    }

    @Test
    void failedUploadIsRetriedAndARedeliveredBatchIsNotWrittenTwice() {
        PartitionWriter writer = writer(3, -1, -1);
        store.failNextPuts(1);
        write(writer, 0, DAY1);
        write(writer, 1, DAY1);
        assertThatThrownBy(() -> write(writer, 2, DAY1)).isInstanceOf(RetriableException.class);
        assertThat(writer.committableOffset()).hasValue(0);

        // the worker hands the same batch back after a RetriableException
        LongStream.range(0, 4).forEach(o -> write(writer, o, DAY1));

        assertThat(store.keys()).containsExactly(KEY_DAY1 + "0000000000.jsonl.gz");
        assertThat(store.lines(KEY_DAY1 + "0000000000.jsonl.gz")).isEqualTo(lines(0, 1, 2));
        assertThat(writer.committableOffset()).hasValue(3);
        assertThat(writer.skippedRecords()).isEqualTo(3);
    }

    @Test
    void fileLargerThanAPartStreamsAsMultipartAndLandsWithItsMetadata() {
        PartitionWriter writer = writer(TestSettings.of(100_000, -1, -1, 64 * 1024), new FileBudget(10));
        Random random = new Random(1);
        for (long o = 0; o < 3000; o++) {
            byte[] noise = new byte[100];
            random.nextBytes(noise);
            String value = "{\"offset\":" + o + ",\"noise\":\"" + java.util.HexFormat.of().formatHex(noise) + "\"}";
            writer.write(Records.value(TOPIC, 3, o, DAY1, value), o);
        }
        assertThat(store.multipartUploads()).isEqualTo(1);
        assertThat(store.keys()).isEmpty();
        writer.closeOldest("test");
        assertThat(store.keys()).containsExactly(KEY_DAY1 + "0000000000.jsonl.gz");
        assertThat(store.userMetadata(KEY_DAY1 + "0000000000.jsonl.gz")).containsEntry("end-offset", "2999");
        assertThat(landedOffsets()).hasSize(3000);
        assertThat(store.openUploads()).isZero();
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
