package io.tributary.warehouse.schema;

/**
 * Qualified names of the warehouse tables. Both schemas are validated identifiers (see WarehouseConfig), which is
 * what makes concatenating them into SQL safe.
 */
public record TableNames(String schema, String metaSchema) {
    public static final String FUNCTION_CALLS = "log_functions_analysis";
    public static final String QUARANTINE = "quarantine";
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

    public String schemaMigrations() {
        return metaSchema + "." + SCHEMA_MIGRATIONS;
    }
}
