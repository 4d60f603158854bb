package io.tributary.batch.lake;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/** The parquet layout of log_functions_analysis in staging and the processed zone (warehouse column names). */
public final class CallsTable {
    public static final String EVENT_DATE = "event_date";
    /** The table's key: processed-zone compaction keeps one row per key. */
    public static final String KEY = "call_id";

    /** Redshift COPY maps Parquet columns by position: keep this order equal to the loader's stage table. */
    public static final StructType SCHEMA = StructType.fromDDL("call_id STRING, vehicle_id STRING, "
            + "function_name STRING, start_time TIMESTAMP, end_time TIMESTAMP, duration DECIMAL(18,6), "
            + "call_depth INT, event_date DATE");

    /** The pairing output's bean properties, in {@link #SCHEMA} order. */
    private static final String[] SOURCE_COLUMNS = {"callId", "vehicleId", "functionName", "startTime", "endTime",
        "durationSeconds", "callDepth", "eventDate"};

    private CallsTable() {
    }

    /**
     * Call rows of the pairing output in this layout. Not sorted: a replay replaces the batch's files by name, and
     * sorting cost memory and CPU in every batch.
     */
    public static Dataset<Row> select(Dataset<?> calls) {
        var fields = SCHEMA.fields();
        Column[] columns = new Column[fields.length];
        for (int i = 0; i < fields.length; i++) {
            columns[i] = col(SOURCE_COLUMNS[i]).cast(fields[i].dataType()).as(fields[i].name());
        }
        return calls.select(columns);
    }
}
