package io.tributary.warehouse.load;

import io.tributary.warehouse.DqResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Checks run on a stage before anything reaches the target. Every check runs (so a failed batch reports all its
 * problems with numbers), and each result is stored; any failed check fails the batch.
 */
public final class DataQualityGates {
    /**
     * A row check: SQL returning one row (offending row count, one offending row's key or NULL).
     */
    public record Gate(String name, String sql) {
    }

    private final List<Gate> gates;
    private final String stage;
    private final String freshnessSql;

    /**
     * @param rowGates     checks of the stage's rows (keys not null, unique, durations, orphans…)
     * @param freshnessSql one row: seconds from the newest event time of the stage to now (negative = future), or
     *                     NULL for an empty stage
     */
    public DataQualityGates(String stage, List<Gate> rowGates, String freshnessSql) {
        this.stage = stage;
        this.gates = List.copyOf(rowGates);
        this.freshnessSql = freshnessSql;
    }

    public List<Gate> gates() {
        return gates;
    }

    public String stagedCountSql() {
        return "SELECT COUNT(*) FROM " + stage;
    }

    public String freshnessSql() {
        return freshnessSql;
    }

    /**
     * Runs every check.
     *
     * @param expectedRows the row count the caller handed over, empty when the stage was filled from S3 without one
     * @param maxFutureSeconds how far the newest event may lie ahead of the warehouse clock (clock skew)
     */
    public List<DqResult> run(Connection connection, OptionalLong expectedRows, long maxFutureSeconds)
            throws SQLException {
        var results = new ArrayList<DqResult>();
        long staged = single(connection, stagedCountSql());
        if (expectedRows.isPresent()) {
            results.add(new DqResult("staged_count_matches_batch", staged == expectedRows.getAsLong(), staged,
                    expectedRows.getAsLong(), null));
        }
        for (Gate gate : gates) {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(gate.sql())) {
                rs.next();
                long violations = rs.getLong(1);
                results.add(new DqResult(gate.name(), violations == 0, violations, 0L,
                        violations == 0 ? null : rs.getString(2)));
            }
        }
        if (staged > 0) {
            long lagSeconds = single(connection, freshnessSql);
            boolean plausible = lagSeconds >= -maxFutureSeconds;
            results.add(new DqResult("freshness", plausible, lagSeconds, null, plausible
                    ? "seconds from the newest event to now"
                    : "newest event lies " + (-lagSeconds) + " s in the future: a producer clock is wrong"));
        }
        return results;
    }

    /** A check over {@code violation} rows of the stage, with a sample key built from {@code keyExpression}. */
    public static Gate rowGate(String name, String stage, String keyExpression, String violation) {
        return new Gate(name, "SELECT COUNT(*), MIN(" + keyExpression + ") FROM " + stage + " WHERE " + violation);
    }

    /** Keys that occur more than once in the stage. */
    public static Gate uniqueGate(String name, String stage, String key) {
        return new Gate(name, "SELECT COUNT(*), MIN('" + key + "=' || " + key + ") FROM (SELECT " + key + " FROM "
                + stage + " GROUP BY " + key + " HAVING COUNT(*) > 1) duplicated");
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
