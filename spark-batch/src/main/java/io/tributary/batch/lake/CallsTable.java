package io.tributary.batch.lake;

import io.tributary.batch.pairing.PairedCall;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.util.Comparator;
import java.util.List;

/** The parquet layout of log_functions_analysis in staging and the processed zone (warehouse column names). */
public final class CallsTable {
    public static final String EVENT_DATE = "event_date";

    /** Redshift COPY maps Parquet columns by position: keep this order equal to the loader's stage table. */
    public static final StructType SCHEMA = StructType.fromDDL("call_id STRING, vehicle_id STRING, "
            + "function_name STRING, start_time TIMESTAMP, end_time TIMESTAMP, duration DECIMAL(18,6), "
            + "call_depth INT, event_date DATE");

    private CallsTable() {
    }

    /** Rows sorted by call id, so a replayed batch writes the same files. */
    public static List<Row> rows(List<PairedCall> calls) {
        return calls.stream()
                .sorted(Comparator.comparing(PairedCall::callId))
                .map(c -> RowFactory.create(c.callId(), c.vehicleId(), c.functionName(), c.startTime(), c.endTime(),
                        c.durationSeconds(), c.callDepth(), c.eventDate()))
                .toList();
    }
}
