package io.tributary.connect.s3.storage;

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
    private final InMemoryObjectStore store = new InMemoryObjectStore();

    private void seed(String key, long start, long end) {
        store.seed(key, List.of("{}"), new LandedObject(key, start, end, end - start + 1).userMetadata());
    }

    @Test
    void startOffsetIsReadOnlyFromThisPartitionsFileNames() {
        String ext = "jsonl.gz";
        assertThat(LandedObjects.startOffsetOf("landing/vehicle.events/dt=2020-01-01/vehicle.events+1+0000000042.jsonl.gz", TP1, ext)).hasValue(42);
        assertThat(LandedObjects.startOffsetOf("landing/vehicle.events/dt=2020-01-01/vehicle.events+10+0000000042.jsonl.gz", TP1, ext)).isEmpty();
        assertThat(LandedObjects.startOffsetOf("landing/vehicle.events/dt=2020-01-01/vehicle.events+1+0000000042.parquet", TP1, ext)).isEmpty();
        assertThat(LandedObjects.startOffsetOf("landing/vehicle.events/dt=2020-01-01/vehicle.events+1+00000x0042.jsonl.gz", TP1, ext)).isEmpty();
        assertThat(LandedObjects.startOffsetOf("landing/vehicle.events/dt=2020-01-01/vehicle.events+1+.jsonl.gz", TP1, ext)).isEmpty();
    }

    @Test
    void newestIsTheHighestStartOffsetAcrossDatesWithItsEndFromMetadata() {
        seed("landing/vehicle.events/dt=2020-01-02/vehicle.events+1+0000000100.jsonl.gz", 100, 149);
        seed("landing/vehicle.events/dt=2020-01-01/vehicle.events+1+0000001000.jsonl.gz", 1000, 1004); // late data
        seed("landing/vehicle.events/dt=2020-01-03/vehicle.events+1+0000000150.jsonl.gz", 150, 199);
        seed("landing/vehicle.events/dt=2020-01-03/vehicle.events+10+0000005000.jsonl.gz", 5000, 5001);
        seed("landing/vehicle.events.v2/dt=2020-01-03/vehicle.events.v2+1+0000009000.jsonl.gz", 9000, 9001);

        assertThat(LandedObjects.newest(store, "landing", TP1, "jsonl.gz")).contains(new LandedObject(
                "landing/vehicle.events/dt=2020-01-01/vehicle.events+1+0000001000.jsonl.gz", 1000, 1004, 5));
    }

    @Test
    void oneListingFindsTheNewestObjectOfEveryRequestedPartition() {
        seed("landing/vehicle.events/dt=2020-01-01/vehicle.events+0+0000000000.jsonl.gz", 0, 9);
        seed("landing/vehicle.events/dt=2020-01-01/vehicle.events+0+0000000010.jsonl.gz", 10, 12);
        seed("landing/vehicle.events/dt=2020-01-01/vehicle.events+1+0000000000.jsonl.gz", 0, 4);
        seed("landing/vehicle.events/dt=2020-01-01/vehicle.events+3+0000000000.jsonl.gz", 0, 4);
        TopicPartition p0 = new TopicPartition("vehicle.events", 0);
        TopicPartition p2 = new TopicPartition("vehicle.events", 2);

        assertThat(LandedObjects.newest(store, "landing", "vehicle.events", List.of(p0, TP1, p2), "jsonl.gz")).isEqualTo(Map.of(
                p0, new LandedObject("landing/vehicle.events/dt=2020-01-01/vehicle.events+0+0000000010.jsonl.gz", 10, 12, 3),
                TP1, new LandedObject("landing/vehicle.events/dt=2020-01-01/vehicle.events+1+0000000000.jsonl.gz", 0, 4, 5)));
    }

    @Test
    void nothingLandedMeansNoNewestObject() {
        seed("landing/vehicle.events/dt=2020-01-03/vehicle.events+2+0000000150.jsonl.gz", 150, 199);
        assertThat(LandedObjects.newest(store, "landing", TP1, "jsonl.gz")).isEmpty();
    }

    @Test
    void objectWithoutEndOffsetMetadataFailsNamingTheKey() {
        String key = "landing/vehicle.events/dt=2020-01-03/vehicle.events+1+0000000150.jsonl.gz";
        store.seed(key, List.of("{}"), Map.of());
        assertThatThrownBy(() -> LandedObjects.newest(store, "landing", TP1, "jsonl.gz"))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("mem://bucket/" + key).hasMessageContaining("end-offset");
    }
}
