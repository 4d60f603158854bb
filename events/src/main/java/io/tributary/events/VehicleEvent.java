package io.tributary.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The canonical vehicle event of topic {@link Topics#VEHICLE_EVENTS}.
 *
 * @param seq per-vehicle sequence or source position; null when the producer gave none
 */
public record VehicleEvent(
        String eventId,
        String vehicleId,
        String functionName,
        EventType eventType,
        Instant eventTime,
        Long seq,
        String source,
        Instant ingestTime) {

    public VehicleEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(ingestTime, "ingestTime");
    }
}
