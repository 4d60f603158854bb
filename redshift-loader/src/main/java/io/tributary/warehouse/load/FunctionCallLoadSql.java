package io.tributary.warehouse.load;

import io.tributary.warehouse.dialect.SqlDialect;
import io.tributary.warehouse.schema.TableNames;
import java.util.ArrayList;
import java.util.List;

/** Every SQL text of a call load in order, for golden tests and reviews (the load itself builds the same texts). */
public final class FunctionCallLoadSql {
    private FunctionCallLoadSql() {
    }

    public static List<String> all(SqlDialect dialect, TableNames names) {
        FunctionCallLoad load = new FunctionCallLoad(dialect, names);
        var sql = new ArrayList<String>();
        sql.add(load.gates().stagedCountSql());
        load.gates().gates().forEach(g -> sql.add(g.sql()));
        sql.add(load.gates().freshnessSql());
        sql.add(load.deleteSql());
        sql.add(load.insertSql());
        sql.add(load.retractSql(2));
        sql.add(FunctionCallLoad.deleteByIdsSql(names.quarantine(), "event_id", 2));
        return sql;
    }
}
