package io.tributary.events;

/**
 * The Spark schema of canonical web requests as a DDL string ({@code StructType.fromDDL}); times are read with
 * {@link EventTimes#SPARK_PATTERN}.
 */
public final class WebRequestSchema {
    public static final String DDL = "event_id STRING, site STRING, event_time TIMESTAMP, client_ip STRING, "
            + "user_agent STRING, method STRING, path STRING, query STRING, status INT, bytes BIGINT, "
            + "referrer STRING, response_ms BIGINT, ingest_time TIMESTAMP";

    private WebRequestSchema() {
    }
}
