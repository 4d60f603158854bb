package io.tributary.connect.s3.partition;

import io.tributary.connect.s3.format.RecordValues.BadValueException;
import io.tributary.connect.s3.testing.Records;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeBasedPartitionerTest {
    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void defaultPathFormatIsTheUtcDateEvenInTheLastWeekOfTheYear() {
        var partitioner = new TimeBasedPartitioner(TimeBasedPartitioner.DEFAULT_PATH_FORMAT, 86_400_000L,
                ZoneOffset.UTC, Locale.US);
        // java.time's YYYY (week-based year) would say 2021 here; Joda's YYYY, as in Confluent, says 2020
        assertThat(partitioner.encodedPartition(ms("2020-12-31T23:59:59.999Z"))).isEqualTo("dt=2020-12-31");
        assertThat(partitioner.encodedPartition(ms("2021-01-01T00:00:00Z"))).isEqualTo("dt=2021-01-01");
    }

    @Test
    void hourlyPartitionsInATimeZoneFloorToLocalHours() {
        var partitioner = new TimeBasedPartitioner("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH", 3_600_000L,
                ZoneId.of("Asia/Kolkata"), Locale.US);
        assertThat(partitioner.encodedPartition(ms("2020-01-01T18:29:59Z")))
                .isEqualTo("year=2020/month=01/day=01/hour=23");
        assertThat(partitioner.encodedPartition(ms("2020-01-01T18:30:00Z")))
                .isEqualTo("year=2020/month=01/day=02/hour=00");
    }

    @Test
    void dailyPartitionsStartAtLocalMidnight() {
        var partitioner = new TimeBasedPartitioner("'dt'=YYYY-MM-dd", 86_400_000L, ZoneId.of("Europe/Berlin"),
                Locale.US);
        assertThat(partitioner.encodedPartition(ms("2020-07-01T21:59:59Z"))).isEqualTo("dt=2020-07-01");
        assertThat(partitioner.encodedPartition(ms("2020-07-01T22:00:00Z"))).isEqualTo("dt=2020-07-02");
    }

    @Test
    void recordFieldReadsIsoOrEpochMillisFromJsonAndStructValues() {
        var extractor = new RecordFieldTimestampExtractor("event_time");
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        assertThat(extractor.timestampOf(Records.value("t", 0, 0, t,
                "{\"event_id\":\"x\",\"nested\":{\"event_time\":1},\"event_time\":\"2020-03-04T05:06:07.125000Z\"}")))
                .isEqualTo(ms("2020-03-04T05:06:07.125Z"));
        assertThat(new RecordFieldTimestampExtractor("meta.ts").timestampOf(Records.value("t", 0, 0, t,
                "{\"meta\":{\"ts\":1577836800123}}".getBytes()))).isEqualTo(1577836800123L);
        Schema schema = SchemaBuilder.struct().field("event_time", Schema.INT64_SCHEMA).build();
        assertThat(extractor.timestampOf(Records.value("t", 0, 0, t, new Struct(schema).put("event_time", 42L))))
                .isEqualTo(42L);
    }

    @Test
    void recordFieldThatIsMissingOrUnparsableIsABadValueNamingTheField() {
        var extractor = new RecordFieldTimestampExtractor("event_time");
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        assertThatThrownBy(() -> extractor.timestampOf(Records.value("t", 0, 9, t, "{\"other\":1}")))
                .isInstanceOf(BadValueException.class).hasMessageContaining("t-0@9").hasMessageContaining("event_time");
        assertThatThrownBy(() -> extractor.timestampOf(Records.value("t", 0, 9, t, "{\"event_time\":\"soon\"}")))
                .isInstanceOf(BadValueException.class).hasMessageContaining("'soon'");
        assertThatThrownBy(() -> extractor.timestampOf(Records.value("t", 0, 9, t, "{\"event_time\":")))
                .isInstanceOf(BadValueException.class).hasMessageContaining("not valid JSON");
    }
}
