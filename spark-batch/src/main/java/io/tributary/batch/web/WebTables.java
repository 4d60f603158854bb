package io.tributary.batch.web;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;

/**
 * Parquet layouts of web_requests and web_sessions in staging and the processed zone. Redshift COPY maps parquet
 * columns by position: keep these orders equal to the loader's WebRequestRow.COLUMNS / WebSessionRow.COLUMNS.
 */
public final class WebTables {
    public static final String REQUESTS = "web_requests";
    public static final String SESSIONS = "web_sessions";
    /** The key of web_requests: processed-zone compaction keeps one row per key. */
    public static final String REQUEST_KEY = "event_id";

    public static final StructType REQUEST_SCHEMA = StructType.fromDDL("event_id STRING, site STRING, "
            + "event_time TIMESTAMP, client_ip STRING, user_agent STRING, method STRING, path STRING, query STRING, "
            + "status INT, bytes BIGINT, referrer STRING, response_ms BIGINT, session_id STRING, event_date DATE");
    public static final StructType SESSION_SCHEMA = StructType.fromDDL("session_id STRING, site STRING, "
            + "visitor_hash STRING, first_event_time TIMESTAMP, last_event_time TIMESTAMP, request_count INT, "
            + "page_count INT, bytes BIGINT, error_count INT, reached_search BOOLEAN, reached_hotel BOOLEAN, "
            + "reached_booking BOOLEAN, version BIGINT, event_date DATE");

    private WebTables() {
    }

    /**
     * Request rows of the sessionizer output ({@link WebOutput} columns) in the layout. Not sorted: a replay replaces
     * the batch's files by name, and sorting cost memory and CPU in every batch.
     */
    public static Dataset<Row> requests(Dataset<?> output) {
        return layout(output, REQUEST_SCHEMA, col("eventId"), col("site"), col("eventTime"), col("clientIp"),
                col("userAgent"), col("method"), col("path"), col("query"), col("status"), col("bytes"),
                col("referrer"), col("responseMs"), col("sessionId"), to_date(col("eventTime")));
    }

    /** Session rows of the sessionizer output in the layout; version = request count. */
    public static Dataset<Row> sessions(Dataset<?> output) {
        return layout(output, SESSION_SCHEMA, col("session.sessionId"), col("session.site"),
                col("session.visitorHash"), col("session.firstEventTime"), col("session.lastEventTime"),
                col("session.requestCount"), col("session.pageCount"), col("session.bytes"),
                col("session.errorCount"), col("session.reachedSearch"), col("session.reachedHotel"),
                col("session.reachedBooking"), col("session.requestCount"), to_date(col("session.firstEventTime")));
    }

    private static Dataset<Row> layout(Dataset<?> output, StructType schema, Column... sources) {
        var fields = schema.fields();
        Column[] columns = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = sources[i].cast(fields[i].dataType()).as(fields[i].name());
        }
        return output.select(columns);
    }
}
