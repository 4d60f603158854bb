package io.tributary.warehouse.load;

import io.tributary.warehouse.schema.TableNames;
import java.util.List;

/**
 * Keeps the dimensions complete for what a stage holds: missing members are inserted in the load's transaction (so a
 * rolled-back batch leaves no dimension rows behind). One SQL text for PostgreSQL and Redshift.
 */
public final class DimensionSql {
    private DimensionSql() {
    }

    /** Inserts the stage's {@code stageColumn} values missing from {@code dim(dimKey, first_seen_date)}. */
    public static String insertMissingMembers(String dim, String dimKey, String stage, String stageColumn) {
        return "INSERT INTO " + dim + " (" + dimKey + ", first_seen_date) SELECT s." + stageColumn
                + ", MIN(s.event_date) FROM " + stage + " s WHERE s." + stageColumn + " IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM " + dim + " d WHERE d." + dimKey + " = s." + stageColumn + ") GROUP BY s."
                + stageColumn;
    }

    /** Inserts the calendar rows of the stage's event dates that dim_date lacks (day_of_week: 0 = Sunday). */
    public static String insertMissingDates(String dimDate, String stage) {
        return "INSERT INTO " + dimDate + " (date_key, cal_year, cal_quarter, cal_month, cal_day, day_of_week,"
                + " iso_week, is_weekend) SELECT d, EXTRACT(YEAR FROM d), EXTRACT(QUARTER FROM d),"
                + " EXTRACT(MONTH FROM d), EXTRACT(DAY FROM d), EXTRACT(DOW FROM d), EXTRACT(WEEK FROM d),"
                + " EXTRACT(DOW FROM d) IN (0, 6) FROM (SELECT DISTINCT event_date AS d FROM " + stage
                + " WHERE event_date IS NOT NULL) s WHERE NOT EXISTS (SELECT 1 FROM " + dimDate
                + " x WHERE x.date_key = s.d)";
    }

    /** Dimension maintenance for a stage of calls. */
    public static List<String> forCalls(TableNames names, String stage) {
        return List.of(
                insertMissingMembers(names.dim("dim_vehicle"), "vehicle_id", stage, "vehicle_id"),
                insertMissingMembers(names.dim("dim_function"), "function_name", stage, "function_name"),
                insertMissingDates(names.dim("dim_date"), stage));
    }

    /** Dimension maintenance for a stage of web requests or sessions. */
    public static List<String> forWeb(TableNames names, String stage) {
        return List.of(
                insertMissingMembers(names.dim("dim_site"), "site", stage, "site"),
                insertMissingDates(names.dim("dim_date"), stage));
    }

    /** A gate: staged rows whose {@code stageColumn} has no member in {@code dim}. */
    public static DataQualityGates.Gate orphanGate(String name, String stage, String stageKey, String stageColumn,
                                                   String dim, String dimKey) {
        return new DataQualityGates.Gate(name, "SELECT COUNT(*), MIN(s." + stageKey + ") FROM " + stage + " s WHERE"
                + " NOT EXISTS (SELECT 1 FROM " + dim + " d WHERE d." + dimKey + " = s." + stageColumn + ")");
    }
}
