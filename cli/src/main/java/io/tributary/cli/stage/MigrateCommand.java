package io.tributary.cli.stage;

import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StageConfigs;
import io.tributary.cli.stack.Reachability;
import io.tributary.cli.stack.StackLocation;
import io.tributary.warehouse.Warehouse;
import io.tributary.warehouse.WarehouseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tributary migrate}: the warehouse schema, created or upgraded, and nothing else. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Create or upgrade the warehouse schema (tables, views, the load ledger) and exit.",
                "Idempotent: a schema that is up to date is left as it is. Runs against the running local stack's "
                        + "PostgreSQL by default, or any warehouse.jdbc.url (jdbc:redshift://… selects Redshift).",
                "Exit code 0 when the schema is current, 2 on bad configuration or an unreachable warehouse, 1 when a "
                        + "migration fails."})
public final class MigrateCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    StackLocation stack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var props = StageConfigs.resolve(config, stack.endpointDefaults(), List.of(WarehouseConfig.CONFIG_DEF));
        StageConfigs.require(props, WarehouseConfig.JDBC_URL, "warehouse");
        WarehouseConfig warehouse = WarehouseConfig.of(props);
        Reachability.requireWarehouse(warehouse);
        var out = spec.commandLine().getOut();
        try (Warehouse connected = Warehouse.connect(warehouse)) {
            List<Integer> applied = connected.migrate();
            out.println(applied.isEmpty() ? "warehouse schema " + warehouse.schema() + " is up to date (" + warehouse
                    + ")" : "warehouse schema " + warehouse.schema() + " migrated, versions applied: " + applied);
            return 0;
        } catch (SQLException e) {
            throw new UserFacingException("migrating the warehouse schema failed: " + e.getMessage(), e, 1);
        }
    }
}
