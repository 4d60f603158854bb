package io.tributary.warehouse.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The tables a caller may name (e.g. in countRows); anything else is rejected, never concatenated into SQL. */
public enum KnownTable {
    FUNCTION_CALLS(TableNames.FUNCTION_CALLS, TableNames::functionCalls),
    QUARANTINE(TableNames.QUARANTINE, TableNames::quarantine),
    LOAD_BATCHES(TableNames.LOAD_BATCHES, TableNames::loadBatches),
    SCHEMA_MIGRATIONS(TableNames.SCHEMA_MIGRATIONS, TableNames::schemaMigrations),
    WEB_REQUESTS(TableNames.WEB_REQUESTS, TableNames::webRequests),
    WEB_SESSIONS(TableNames.WEB_SESSIONS, TableNames::webSessions),
    DQ_RESULTS("dq_results", TableNames::dqResults),
    DIM_VEHICLE("dim_vehicle", n -> n.dim("dim_vehicle")),
    DIM_FUNCTION("dim_function", n -> n.dim("dim_function")),
    DIM_SITE("dim_site", n -> n.dim("dim_site")),
    DIM_DATE("dim_date", n -> n.dim("dim_date"));

    private final String simpleName;
    private final Function<TableNames, String> qualified;

    KnownTable(String simpleName, Function<TableNames, String> qualified) {
        this.simpleName = simpleName;
        this.qualified = qualified;
    }

    public String qualifiedName(TableNames names) {
        return qualified.apply(names);
    }

    /**
     * Accepts the simple name ({@code quarantine}) or the qualified one ({@code tributary_meta.quarantine}).
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static KnownTable resolve(String table, TableNames names) {
        String wanted = table == null ? "" : table.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.simpleName.equals(wanted) || t.qualifiedName(names).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown warehouse table '" + table
                        + "': expected one of " + acceptedNames(names)));
    }

    public static List<String> acceptedNames(TableNames names) {
        return Arrays.stream(values()).map(t -> t.qualifiedName(names)).toList();
    }
}
