package io.tributary.producers.faults;

/**
 * One line a simulator generated, before fault injection.
 *
 * @param key         the record key (vehicle_id, site)
 * @param epochMicros the line's event time, for ordering and lateness without re-parsing the line
 */
public record SimLine(String key, long epochMicros, String line) {
}
