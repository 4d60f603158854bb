package io.tributary.warehouse;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a web session as staged into {@code web_sessions} (columns in {@link #COLUMNS} order, also the
 * staging parquet's order).
 *
 * @param visitorHash hash of client IP and user agent (no raw IP in the session table)
 * @param version     grows with every change of the session (the sessionizer uses its request count); the loader
 *                    never replaces a stored version with a lower one
 * @param eventDate   UTC date of the session's first request
 */
public record WebSessionRow(String sessionId, String site, String visitorHash, Instant firstEventTime,
                            Instant lastEventTime, Integer requestCount, Integer pageCount, Long bytes,
                            Integer errorCount, Boolean reachedSearch, Boolean reachedHotel, Boolean reachedBooking,
                            Long version, LocalDate eventDate) {
    public static final String COLUMNS = "session_id, site, visitor_hash, first_event_time, last_event_time,"
            + " request_count, page_count, bytes, error_count, reached_search, reached_hotel, reached_booking,"
            + " version, event_date";
    public static final String COLUMN_DEFINITIONS = "session_id VARCHAR(128), site VARCHAR(128),"
            + " visitor_hash VARCHAR(64), first_event_time TIMESTAMP, last_event_time TIMESTAMP, request_count INTEGER,"
            + " page_count INTEGER, bytes BIGINT, error_count INTEGER, reached_search BOOLEAN, reached_hotel BOOLEAN,"
            + " reached_booking BOOLEAN, version BIGINT, event_date DATE";
}
