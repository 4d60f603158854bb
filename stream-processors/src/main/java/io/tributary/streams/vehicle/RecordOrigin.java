package io.tributary.streams.vehicle;

/**
 * Where a raw record came from: what the parser needs besides its bytes.
 *
 * @param timestampMs  the raw record's Kafka timestamp; becomes ingest_time (so a replay yields the same event)
 * @param sourceHeader value of the record's {@code source} header, or null
 */
public record RecordOrigin(String topic, int partition, long offset, long timestampMs, String sourceHeader) {

    /** {@code vehicle.logs.raw[2]@1042}, the form used in error reasons. */
    public String location() {
        return topic + "[" + partition + "]@" + offset;
    }

    /** {@code vehicle.logs.raw/2/1042}, the source position an event id is derived from when there is no seq. */
    public String position() {
        return topic + "/" + partition + "/" + offset;
    }

    /** The header {@code source} when given, else the raw topic's name. */
    public String source() {
        return sourceHeader == null || sourceHeader.isBlank() ? topic : sourceHeader;
    }
}
