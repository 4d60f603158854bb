package io.tributary.warehouse.schema;

/**
 * Qualified names of the warehouse tables. Both schemas are validated identifiers (see WarehouseConfig), which is
 * what makes concatenating them into SQL safe.
 */
public record TableNames(String schema, String metaSchema) {
    public static final String FUNCTION_CALLS = "log_functions_analysis";
    public static final String QUARANTINE = "quarantine";
    public static final String WEB_REQUESTS = "web_requests";
    public static final String WEB_SESSIONS = "web_sessions";
    public static final String LOAD_BATCHES = "load_batches";
    public static final String SCHEMA_MIGRATIONS = "schema_migrations";

    public String functionCalls() {
        return schema + "." + FUNCTION_CALLS;
    }

    public String quarantine() {
        return metaSchema + "." + QUARANTINE;
    }

    public String loadBatches() {
        return metaSchema + "." + LOAD_BATCHES;
    }

    public String dqResults() {
        return metaSchema + ".dq_results";
    }

    public String webRequests() {
        return schema + "." + WEB_REQUESTS;
    }

    public String webSessions() {
        return schema + "." + WEB_SESSIONS;
    }

    /** A dimension table of the analysis schema, e.g. {@code dim("dim_vehicle")}. */
    public String dim(String dimTable) {
        return schema + "." + dimTable;
    }

    public String schemaMigrations() {
        return metaSchema + "." + SCHEMA_MIGRATIONS;
    }
}
