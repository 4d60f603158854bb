package io.tributary.batch.web;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Parquet layouts of web_requests and web_sessions in staging and the processed zone. Redshift COPY maps parquet
 * columns by position: keep these orders equal to the loader's WebRequestRow.COLUMNS / WebSessionRow.COLUMNS.
 */
public final class WebTables {
    public static final String REQUESTS = "web_requests";
    public static final String SESSIONS = "web_sessions";

    public static final StructType REQUEST_SCHEMA = StructType.fromDDL("event_id STRING, site STRING, "
            + "event_time TIMESTAMP, client_ip STRING, user_agent STRING, method STRING, path STRING, query STRING, "
            + "status INT, bytes BIGINT, referrer STRING, response_ms BIGINT, session_id STRING, event_date DATE");
    public static final StructType SESSION_SCHEMA = StructType.fromDDL("session_id STRING, site STRING, "
            + "visitor_hash STRING, first_event_time TIMESTAMP, last_event_time TIMESTAMP, request_count INT, "
            + "page_count INT, bytes BIGINT, error_count INT, reached_search BOOLEAN, reached_hotel BOOLEAN, "
            + "reached_booking BOOLEAN, version BIGINT, event_date DATE");

    private WebTables() {
    }

    /** Sorted by event id, so a replayed batch writes the same files. */
    public static List<Row> requestRows(List<WebOutput> requests) {
        return requests.stream().sorted(Comparator.comparing(WebOutput::getEventId))
                .map(r -> RowFactory.create(r.getEventId(), r.getSite(), r.getEventTime(), r.getClientIp(),
                        r.getUserAgent(), r.getMethod(), r.getPath(), r.getQuery(), r.getStatus(), r.getBytes(),
                        r.getReferrer(), r.getResponseMs(), r.getSessionId(),
                        LocalDate.ofInstant(r.getEventTime(), ZoneOffset.UTC)))
                .toList();
    }

    public static List<Row> sessionRows(List<WebSession> sessions) {
        return sessions.stream().sorted(Comparator.comparing(WebSession::sessionId))
                .map(s -> RowFactory.create(s.sessionId(), s.site(), s.visitorHash(), s.firstEventTime(),
                        s.lastEventTime(), s.requestCount(), s.pageCount(), s.bytes(), s.errorCount(),
                        s.reachedSearch(), s.reachedHotel(), s.reachedBooking(), s.version(), s.eventDate()))
                .toList();
    }
}
