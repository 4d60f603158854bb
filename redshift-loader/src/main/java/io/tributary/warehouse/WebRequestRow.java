package io.tributary.warehouse;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One canonical web request as staged into {@code web_requests} (columns in {@link #COLUMNS} order, which is also
 * the staging parquet's column order for Redshift's positional COPY).
 *
 * @param sessionId the session the Spark sessionizer put the request in
 */
public record WebRequestRow(String eventId, String site, Instant eventTime, String clientIp, String userAgent,
                            String method, String path, String query, Integer status, Long bytes, String referrer,
                            Long responseMs, String sessionId, LocalDate eventDate) {
    public static final String COLUMNS = "event_id, site, event_time, client_ip, user_agent, method, path, query,"
            + " status, bytes, referrer, response_ms, session_id, event_date";
    public static final String COLUMN_DEFINITIONS = "event_id VARCHAR(128), site VARCHAR(128), event_time TIMESTAMP,"
            + " client_ip VARCHAR(64), user_agent VARCHAR(1024), method VARCHAR(16), path VARCHAR(2048),"
            + " query VARCHAR(4096), status INTEGER, bytes BIGINT, referrer VARCHAR(2048), response_ms BIGINT,"
            + " session_id VARCHAR(128), event_date DATE";
}
