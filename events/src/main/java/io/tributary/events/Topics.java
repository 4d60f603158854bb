package io.tributary.events;

/** Kafka topic names every stage agrees on (DESIGN.md, "The flow"). */
public final class Topics {
    /** Raw vehicle log lines; key = vehicle_id. */
    public static final String VEHICLE_LOGS_RAW = "vehicle.logs.raw";
    /** Raw web access-log lines; key = site. */
    public static final String WEB_LOGS_RAW = "web.logs.raw";
    /** Canonical vehicle events as JSON ({@link VehicleEventJson}). */
    public static final String VEHICLE_EVENTS = "vehicle.events";
    /** Canonical web requests as JSON. */
    public static final String WEB_REQUESTS = "web.requests";
    /** Dead letters: original bytes plus {@link DlqHeaders}. */
    public static final String DLQ = "tributary.dlq";

    private Topics() {
    }
}
