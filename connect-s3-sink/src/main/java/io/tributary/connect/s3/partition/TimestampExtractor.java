package io.tributary.connect.s3.partition;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Which time decides a record's time partition ({@code timestamp.extractor}). Only data-derived times are offered
 * (Confluent's {@code Wallclock} is not): a replay must put each record into the same folder.
 */
public interface TimestampExtractor {
    /** Epoch millis, or {@link io.tributary.connect.s3.format.RecordValues.BadValueException} saying why not. */
    long timestampOf(SinkRecord record);
}
