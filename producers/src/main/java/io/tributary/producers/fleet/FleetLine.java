package io.tributary.producers.fleet;

/**
 * One raw log line as a vehicle writes it, {@code vehicle_id,timestamp,function,event}; published with key
 * {@code vehicleId}.
 *
 * @param epochMicros the line's timestamp, for pacing and ordering without re-parsing the line
 */
public record FleetLine(String vehicleId, long epochMicros, String line) {
}
