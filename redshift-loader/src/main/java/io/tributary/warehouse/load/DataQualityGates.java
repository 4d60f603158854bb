package io.tributary.warehouse.load;

import io.tributary.warehouse.DataQualityException;
import io.tributary.warehouse.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Checks run on the stage before anything reaches the target. Each gate is one query returning an offending row;
 * the first gate that finds one fails the batch.
 */
public final class DataQualityGates {
    /** A gate: its name and the SQL that returns one offending row's key (or nothing). */
    public record Gate(String name, String sql) {
    }

    private final List<Gate> gates;

    public DataQualityGates(SqlDialect dialect, String stage) {
        this.gates = List.of(
                rowGate("not_null", stage, "call_id IS NULL OR vehicle_id IS NULL OR function_name IS NULL"
                        + " OR start_time IS NULL OR end_time IS NULL OR duration IS NULL OR call_depth IS NULL"),
                rowGate("end_not_before_start", stage, "end_time < start_time"),
                rowGate("duration_not_negative", stage, "duration < 0"),
                rowGate("duration_is_end_minus_start", stage,
                        "duration * 1000000 <> " + dialect.microsBetween("start_time", "end_time")),
                rowGate("call_depth_not_negative", stage, "call_depth < 0"),
                new Gate("unique_call_id", "SELECT 'call_id=' || call_id || ' (' || CAST(COUNT(*) AS VARCHAR) || ' rows)' FROM "
                        + stage + " GROUP BY call_id HAVING COUNT(*) > 1 LIMIT 1"));
    }

    public List<Gate> gates() {
        return gates;
    }

    /** @throws DataQualityException naming the first failed gate, the batch and a sample offending key */
    public void check(Connection connection, String batchId) throws SQLException {
        for (Gate gate : gates) {
            Optional<String> offender = firstOffender(connection, gate);
            if (offender.isPresent()) {
                throw new DataQualityException(gate.name(), batchId, offender.get());
            }
        }
    }

    private static Optional<String> firstOffender(Connection connection, Gate gate) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(gate.sql())) {
            return rs.next() ? Optional.of(String.valueOf(rs.getString(1))) : Optional.empty();
        }
    }

    private static Gate rowGate(String name, String stage, String violation) {
        // COALESCE: a NULL anywhere in || would blank the whole sample key.
        String key = "'call_id=' || COALESCE(call_id, 'NULL') || ', vehicle_id=' || COALESCE(vehicle_id, 'NULL')"
                + " || ', function_name=' || COALESCE(function_name, 'NULL')"
                + " || ', start_time=' || COALESCE(CAST(start_time AS VARCHAR), 'NULL')";
        return new Gate(name, "SELECT " + key + " FROM " + stage + " WHERE " + violation + " LIMIT 1");
    }
}
