package io.tributary.batch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.events.EventTimes;
import io.tributary.events.WebRequestSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;

/** The landing-zone rows of web.requests as Spark reads them (explicit schema), and their conversion to WebHit. */
public final class WebLanding {
    public static final String CORRUPT_RECORD = "_corrupt_record";
    public static final StructType SCHEMA = StructType.fromDDL(WebRequestSchema.DDL)
            .add(CORRUPT_RECORD, DataTypes.StringType, true)
            .add("dt", DataTypes.StringType, true);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebLanding() {
    }

    /** (site, visitor hash); malformed rows share the "" group, where they are quarantined. */
    public static String groupKey(Row row) {
        WebHit hit = toHit(row);
        return hit.isWellFormed() ? hit.site() + '\u001f' + Sessionizer.visitorHash(hit) : "";
    }

    public static WebHit toHit(Row row) {
        String corrupt = row.getAs(CORRUPT_RECORD);
        if (corrupt != null) {
            return new WebHit(null, null, null, null, null, null, null, null, null, null, null, null, corrupt);
        }
        Instant eventTime = row.getAs("event_time");
        return new WebHit(row.getAs("event_id"), row.getAs("site"), eventTime, row.getAs("client_ip"),
                row.getAs("user_agent"), row.getAs("method"), row.getAs("path"), row.getAs("query"),
                row.getAs("status"), row.getAs("bytes"), row.getAs("referrer"), row.getAs("response_ms"),
                json(row));
    }

    private static String json(Row row) {
        ObjectNode node = MAPPER.createObjectNode();
        for (String field : new String[] {"event_id", "site", "client_ip", "user_agent", "method", "path", "query",
                "referrer"}) {
            node.put(field, (String) row.getAs(field));
        }
        Instant time = row.getAs("event_time");
        node.put("event_time", time == null ? null : EventTimes.format(time));
        node.put("status", (Integer) row.getAs("status"));
        node.put("bytes", (Long) row.getAs("bytes"));
        node.put("response_ms", (Long) row.getAs("response_ms"));
        return node.toString();
    }
}
