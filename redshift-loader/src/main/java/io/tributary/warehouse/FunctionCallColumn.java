package io.tributary.warehouse;

import java.util.Arrays;
import java.util.List;

/**
 * The staged columns of a function-call batch, in order. This order is a contract with the writer of the staging
 * parquet (spark-batch): Redshift's COPY from parquet maps columns by position, not by name, and accepts no column
 * list, so the parquet files must hold exactly these columns in exactly this order (Spark types: string, string,
 * string, timestamp, timestamp, decimal(18,6), int, date).
 */
public enum FunctionCallColumn {
    CALL_ID("call_id", "VARCHAR(128)"),
    VEHICLE_ID("vehicle_id", "VARCHAR(256)"),
    FUNCTION_NAME("function_name", "VARCHAR(256)"),
    START_TIME("start_time", "TIMESTAMP"),
    END_TIME("end_time", "TIMESTAMP"),
    DURATION("duration", "DECIMAL(18,6)"),
    CALL_DEPTH("call_depth", "INTEGER"),
    EVENT_DATE("event_date", "DATE");

    private final String columnName;
    private final String sqlType;

    FunctionCallColumn(String columnName, String sqlType) {
        this.columnName = columnName;
        this.sqlType = sqlType;
    }

    public String columnName() {
        return columnName;
    }

    /** The SQL type, the same in PostgreSQL and Redshift; timestamps hold UTC wall-clock time. */
    public String sqlType() {
        return sqlType;
    }

    /** Column names in staging order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(FunctionCallColumn::columnName).toList();
    }

    /** {@code call_id, vehicle_id, …, event_date}. */
    public static String nameList() {
        return String.join(", ", names());
    }
}
