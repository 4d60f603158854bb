package io.tributary.streams.common;

/**
 * One raw record as a line parser sees it, besides its bytes.
 *
 * @param timestampMs the record's Kafka timestamp; becomes ingest_time (a replay yields the same event)
 * @param source      header {@code source}, or null
 * @param seq         header {@code seq} (the producer's per-key sequence or file line number), or null
 */
public record RawRecord(String topic, int partition, long offset, long timestampMs, String key, String source,
                        Long seq) {

    /** {@code vehicle.logs.raw[2]@1042}, the form used in error reasons. */
    public String location() {
        return topic + "[" + partition + "]@" + offset;
    }
}
