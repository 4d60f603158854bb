package io.tributary.connect.s3.format;

import io.tributary.connect.s3.testing.InMemoryObjectStore;
import io.tributary.connect.s3.testing.Records;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordValuesTest {
    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void bytesStringsAndByteBuffersAreWrittenAsIs() {
        byte[] json = "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordValues.lineOf(Records.value("t", 0, 1, T, json))).isEqualTo(json);
        assertThat(RecordValues.lineOf(Records.value("t", 0, 1, T, "{\"a\":\"é\"}"))).isEqualTo(json);
        assertThat(RecordValues.lineOf(Records.value("t", 0, 1, T, ByteBuffer.wrap(json)))).isEqualTo(json);
    }

    @Test
    void nullValueIsRejectedNamingTopicPartitionAndOffset() {
        assertThatThrownBy(() -> RecordValues.lineOf(Records.value("vehicle.events", 2, 77, T, null)))
                .isInstanceOf(RecordValues.BadValueException.class)
                .hasMessageContaining("vehicle.events-2@77").hasMessageContaining("null");
    }

    @Test
    void structuredValueIsRejectedSayingWhichConverterToUse() {
        assertThatThrownBy(() -> RecordValues.lineOf(Records.value("vehicle.events", 0, 5, T, Map.of("a", 1))))
                .isInstanceOf(RecordValues.BadValueException.class)
                .hasMessageContaining("vehicle.events-0@5").hasMessageContaining("ByteArrayConverter");
    }

    @Test
    void valueWithALineBreakIsRejectedBecauseItWouldSplitTheLine() {
        assertThatThrownBy(() -> RecordValues.lineOf(Records.value("t", 0, 5, T, "{\"a\":\n1}")))
                .isInstanceOf(RecordValues.BadValueException.class).hasMessageContaining("line break");
    }

    @Test
    void bufferIsAGzipOfNewlineTerminatedLines() {
        var out = new java.io.ByteArrayOutputStream();
        var writer = new JsonLinesGzipFormat().open(out);
        writer.write(Records.value("t", 0, 1, T, "{\"n\":1}"));
        writer.write(Records.value("t", 0, 2, T, "{\"n\":2}"));
        writer.finish();
        assertThat(InMemoryObjectStore.gunzipLines(out.toByteArray())).isEqualTo(List.of("{\"n\":1}", "{\"n\":2}"));
    }
}
