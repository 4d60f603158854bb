package io.tributary.connect.s3.testing;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds the records a worker with ByteArrayConverter delivers. */
public final class Records {
    private Records() {
    }

    public static SinkRecord json(String topic, int partition, long offset, Instant timestamp) {
        return value(topic, partition, offset, timestamp, line(topic, partition, offset).getBytes(StandardCharsets.UTF_8));
    }

    public static SinkRecord value(String topic, int partition, long offset, Instant timestamp, Object value) {
        return new SinkRecord(topic, partition, Schema.OPTIONAL_BYTES_SCHEMA, null, Schema.OPTIONAL_BYTES_SCHEMA,
                value, offset, timestamp.toEpochMilli(), TimestampType.CREATE_TIME);
    }

    /** The line written for {@link #json}: unique per topic-partition-offset, so duplicates are visible. */
    public static String line(String topic, int partition, long offset) {
        return "{\"topic\":\"" + topic + "\",\"partition\":" + partition + ",\"offset\":" + offset + "}";
    }
}
