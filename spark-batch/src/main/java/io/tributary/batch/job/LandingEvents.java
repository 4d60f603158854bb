package io.tributary.batch.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.batch.pairing.PairingEvent;
import io.tributary.events.EventTimes;
import io.tributary.events.VehicleEventSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;

/** The landing-zone rows of vehicle.events as Spark reads them, and their conversion to {@link PairingEvent}. */
public final class LandingEvents {
    /** Lines that are not JSON at all land here (PERMISSIVE mode) and are quarantined as malformed. */
    public static final String CORRUPT_RECORD = "_corrupt_record";

    /** The landing zone's {@code dt=YYYY-MM-DD} folder, a partition column Spark discovers from the path. */
    public static final String LANDING_DATE = "dt";

    /**
     * The explicit read schema: the contract's DDL, the corrupt-record column, and the landing date. The date is
     * declared up front because a query that starts on an empty landing zone would otherwise change schema when the
     * first dt= folder appears, and Spark fails such a batch ("Invalid batch").
     */
    public static final StructType SCHEMA = StructType.fromDDL(VehicleEventSchema.DDL)
            .add(CORRUPT_RECORD, DataTypes.StringType, true)
            .add(LANDING_DATE, DataTypes.StringType, true);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final char KEY_SEPARATOR = '\u001f';

    private LandingEvents() {
    }

    /** The pairing group of a row: (vehicle_id, function_name); malformed rows without them share the "" group. */
    public static String groupKey(Row row) {
        return nullToEmpty(row.getAs("vehicle_id")) + KEY_SEPARATOR + nullToEmpty(row.getAs("function_name"));
    }

    public static PairingEvent toPairingEvent(Row row) {
        String corrupt = row.getAs(CORRUPT_RECORD);
        if (corrupt != null) {
            return new PairingEvent(null, null, null, null, null, null, corrupt);
        }
        Instant eventTime = row.getAs("event_time");
        return new PairingEvent(row.getAs("event_id"), row.getAs("vehicle_id"), row.getAs("function_name"),
                row.getAs("event_type"), eventTime, row.getAs("seq"), canonicalJson(row));
    }

    /** The event as canonical JSON (field names and time format of VehicleEventJson), nulls kept as nulls. */
    static String canonicalJson(Row row) {
        ObjectNode node = MAPPER.createObjectNode();
        for (String field : new String[] {"event_id", "vehicle_id", "function_name", "event_type"}) {
            node.put(field, (String) row.getAs(field));
        }
        node.put("event_time", time(row.getAs("event_time")));
        Long seq = row.getAs("seq");
        if (seq == null) {
            node.putNull("seq");
        } else {
            node.put("seq", seq);
        }
        node.put("source", (String) row.getAs("source"));
        node.put("ingest_time", time(row.getAs("ingest_time")));
        return node.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? null : EventTimes.format(instant);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
