package io.tributary.monitor.landing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LandingBacklogReaderTest {

    @Test
    void countsOnlyObjectsSparkWouldRead() {
        assertThat(LandingBacklogReader.isDataObject(
                "vehicle.events/dt=2026-11-21/vehicle.events+0+0000000000.jsonl.gz")).isTrue();
        assertThat(LandingBacklogReader.isDataObject("vehicle.events/")).as("S3A directory marker").isFalse();
        assertThat(LandingBacklogReader.isDataObject("_staging/vehicle.events+0+0000000000.jsonl.gz"))
                .as("sink's multipart staging area").isFalse();
        assertThat(LandingBacklogReader.isDataObject("vehicle.events/dt=2026-11-21/.tmp-part")).isFalse();
        assertThat(LandingBacklogReader.isDataObject("vehicle.events/dt=2026-11-21/vehicle.events+0+0000000000.jsonl.gz"
                + "-0b6f3a9e-6a43-4c0e-9d47-1f3f3c0f8a11")).as("s3proxy's name for a write in flight").isFalse();
    }
}
