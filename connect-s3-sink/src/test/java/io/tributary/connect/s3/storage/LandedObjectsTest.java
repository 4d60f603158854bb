package io.tributary.connect.s3.storage;

import io.tributary.connect.s3.storage.LandedObjects.Recovery;
import io.tributary.connect.s3.testing.InMemoryObjectStore;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LandedObjectsTest {
    private static final TopicPartition TP1 = new TopicPartition("vehicle.events", 1);
    private static final String PREFIX = "landing/vehicle.events/";
    private final InMemoryObjectStore store = new InMemoryObjectStore();

    private LandedObject seed(String dt, int partition, long start, long end, long watermark, Long... above) {
        String key = PREFIX + dt + "/vehicle.events+" + partition + "+" + String.format("%010d", start) + ".jsonl.gz";
        LandedObject object = new LandedObject(key, dt, start, end, end - start + 1, watermark, List.of(above));
        store.seed(key, List.of("{}"), object.userMetadata());
        return object;
    }

    private Recovery recover(TopicPartition tp) {
        return LandedObjects.recover(store, "landing", tp.topic(), List.of(tp), "jsonl.gz").get(tp);
    }

    @Test
    void startOffsetIsReadOnlyFromThisPartitionsFileNames() {
        String ext = "jsonl.gz";
        assertThat(LandedObjects.startOffsetOf(PREFIX + "dt=2020-01-01/vehicle.events+1+0000000042.jsonl.gz", TP1, ext)).hasValue(42);
        assertThat(LandedObjects.startOffsetOf(PREFIX + "dt=2020-01-01/vehicle.events+10+0000000042.jsonl.gz", TP1, ext)).isEmpty();
        assertThat(LandedObjects.startOffsetOf(PREFIX + "dt=2020-01-01/vehicle.events+1+0000000042.parquet", TP1, ext)).isEmpty();
        assertThat(LandedObjects.startOffsetOf(PREFIX + "dt=2020-01-01/vehicle.events+1+00000x0042.jsonl.gz", TP1, ext)).isEmpty();
        assertThat(LandedObjects.startOffsetOf(PREFIX + "dt=2020-01-01/vehicle.events+1+.jsonl.gz", TP1, ext)).isEmpty();
    }

    @Test
    void contiguousFilesResumeAfterTheNewestAndNeedNoOlderMetadata() {
        seed("dt=2020-01-02", 1, 100, 149, 150);
        seed("dt=2020-01-03", 1, 150, 199, 200);
        seed("dt=2020-01-03", 10, 5000, 5001, 5002);

        assertThat(recover(TP1).resumeOffset()).isEqualTo(200);
        assertThat(recover(TP1).above()).isEmpty();
    }

    @Test
    void interleavedFilesResumeAtTheHighestWatermarkAndKeepEveryFileEndingAboveIt() {
        // dt=01 held offsets 0..9 and 30..40 (two files), dt=02 holds 10..35 (still had an older day open below it)
        LandedObject day1a = seed("dt=2020-01-01", 1, 0, 9, 10);
        LandedObject day2 = seed("dt=2020-01-02", 1, 10, 35, 30, 10L);
        LandedObject day1b = seed("dt=2020-01-01", 1, 30, 40, 36, 30L, 38L);
        // the newest file by start was landed before the one that set the highest watermark
        LandedObject late = seed("dt=2019-12-31", 1, 38, 38, 30, 10L, 38L);

        Recovery recovery = recover(TP1);

        assertThat(recovery.resumeOffset()).isEqualTo(36);
        assertThat(recovery.above()).containsExactly(day1b, late);
        assertThat(day1a.endOffset()).isLessThan(36);
        assertThat(day2.endOffset()).isLessThan(36);
    }

    @Test
    void aFileListedAsLandedAboveButMissingFailsNamingIt() {
        seed("dt=2020-01-01", 1, 30, 40, 20, 12L);
        assertThatThrownBy(() -> recover(TP1)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("starting at offset 12");
    }

    @Test
    void nothingLandedMeansNothingToResume() {
        seed("dt=2020-01-03", 2, 150, 199, 200);
        assertThat(recover(TP1)).isEqualTo(Recovery.NOTHING);
    }

    @Test
    void objectWithoutEndOffsetMetadataFailsNamingTheKey() {
        String key = PREFIX + "dt=2020-01-03/vehicle.events+1+0000000150.jsonl.gz";
        store.seed(key, List.of("{}"), Map.of());
        assertThatThrownBy(() -> recover(TP1)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("mem://bucket/" + key).hasMessageContaining("end-offset");
    }
}
