package io.tributary.events;

/**
 * The Spark schema of canonical vehicle events as a DDL string, so this module does not depend on Spark:
 * {@code StructType.fromDDL(VehicleEventSchema.DDL)}. Event times are read with {@link EventTimes#SPARK_PATTERN}.
 */
public final class VehicleEventSchema {
    public static final String DDL = "event_id STRING, vehicle_id STRING, function_name STRING, event_type STRING, "
            + "event_time TIMESTAMP, seq BIGINT, source STRING, ingest_time TIMESTAMP";

    private VehicleEventSchema() {
    }
}
