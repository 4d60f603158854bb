package io.tributary.batch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.events.WebRequestSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple3;

import java.time.Instant;
import java.util.Arrays;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.when;

/**
 * The landing-zone rows of web.requests as Spark reads them (explicit schema), and their conversion to WebHit. As for
 * vehicle events (see {@code LandingEvents}), times are read as text and {@code event_time} is cast after the read.
 */
public final class WebLanding {
    public static final String CORRUPT_RECORD = "_corrupt_record";
    /** {@code event_time} as a timestamp, added after the read: the column the watermark runs on. */
    public static final String EVENT_TIMESTAMP = "event_ts";
    public static final StructType SCHEMA = new StructType(Arrays.stream(StructType.fromDDL(WebRequestSchema.DDL)
            .fields())
            .map(f -> f.dataType().equals(DataTypes.TimestampType)
                    ? new StructField(f.name(), DataTypes.StringType, true, f.metadata()) : f)
            .toArray(StructField[]::new))
            .add(CORRUPT_RECORD, DataTypes.StringType, true)
            .add("dt", DataTypes.StringType, true);

    /** {@link #EVENT_TIMESTAMP}: the canonical {@code Z} cut before the cast (UTC session; see LandingEvents). */
    public static final Column EVENT_TIME = when(col("event_time").endsWith("Z"),
            expr("substring(event_time, 1, length(event_time) - 1)"))
            .otherwise(col("event_time"))
            .cast(DataTypes.TimestampType);

    /**
     * The session group: site and visitor (client IP, user agent) as columns, so Spark shuffles without a key
     * function; malformed rows land in whatever group their fields give and are quarantined there.
     */
    public static final Column[] GROUP_COLUMNS = {col("site"), col("client_ip"), col("user_agent")};
    public static final Encoder<Tuple3<String, String, String>> GROUP_ENCODER = Encoders.tuple(Encoders.STRING(),
            Encoders.STRING(), Encoders.STRING());

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int EVENT_ID = SCHEMA.fieldIndex("event_id");
    private static final int SITE = SCHEMA.fieldIndex("site");
    private static final int EVENT_TIME_TEXT = SCHEMA.fieldIndex("event_time");
    private static final int CLIENT_IP = SCHEMA.fieldIndex("client_ip");
    private static final int USER_AGENT = SCHEMA.fieldIndex("user_agent");
    private static final int METHOD = SCHEMA.fieldIndex("method");
    private static final int PATH = SCHEMA.fieldIndex("path");
    private static final int QUERY = SCHEMA.fieldIndex("query");
    private static final int STATUS = SCHEMA.fieldIndex("status");
    private static final int BYTES = SCHEMA.fieldIndex("bytes");
    private static final int REFERRER = SCHEMA.fieldIndex("referrer");
    private static final int RESPONSE_MS = SCHEMA.fieldIndex("response_ms");
    private static final int CORRUPT = SCHEMA.fieldIndex(CORRUPT_RECORD);
    private static final int EVENT_TS = SCHEMA.size();

    private WebLanding() {
    }

    /** A row of {@link #SCHEMA} followed by {@link #EVENT_TIMESTAMP}. */
    public static WebHit toHit(Row row) {
        String corrupt = row.getString(CORRUPT);
        if (corrupt != null) {
            return new WebHit(null, null, null, null, null, null, null, null, null, null, null, null, corrupt);
        }
        Instant eventTime = row.isNullAt(EVENT_TS) ? null : row.getAs(EVENT_TS);
        var hit = new WebHit(row.getString(EVENT_ID), row.getString(SITE), eventTime, row.getString(CLIENT_IP),
                row.getString(USER_AGENT), row.getString(METHOD), row.getString(PATH), row.getString(QUERY),
                row.isNullAt(STATUS) ? null : row.getInt(STATUS), row.isNullAt(BYTES) ? null : row.getLong(BYTES),
                row.getString(REFERRER), row.isNullAt(RESPONSE_MS) ? null : row.getLong(RESPONSE_MS), null);
        // the JSON is only read from the quarantine: built for malformed requests alone
        return hit.isWellFormed() ? hit : new WebHit(hit.eventId(), hit.site(), eventTime, hit.clientIp(),
                hit.userAgent(), hit.method(), hit.path(), hit.query(), hit.status(), hit.bytes(), hit.referrer(),
                hit.responseMs(), json(row));
    }

    private static String json(Row row) {
        ObjectNode node = MAPPER.createObjectNode();
        for (String field : new String[] {"event_id", "site", "event_time", "client_ip", "user_agent", "method",
            "path", "query", "referrer"}) {
            node.put(field, row.getString(SCHEMA.fieldIndex(field)));
        }
        node.put("status", row.isNullAt(STATUS) ? null : row.getInt(STATUS));
        node.put("bytes", row.isNullAt(BYTES) ? null : row.getLong(BYTES));
        node.put("response_ms", row.isNullAt(RESPONSE_MS) ? null : row.getLong(RESPONSE_MS));
        return node.toString();
    }
}
