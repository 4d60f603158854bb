package io.tributary.warehouse.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.warehouse.WebRequestRow;
import io.tributary.warehouse.WebSessionRow;
import io.tributary.warehouse.load.DimensionSql;
import io.tributary.warehouse.load.FunctionCallLoadSql;
import io.tributary.warehouse.load.LoadPolicy;
import io.tributary.warehouse.load.WebLoad;
import io.tributary.warehouse.schema.AnalystRole;
import io.tributary.warehouse.schema.Migration;
import io.tributary.warehouse.schema.TableNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Golden test of every SQL text the loader sends to Redshift (no Redshift is reachable here, so this pins what was
 * reviewed against the Redshift documentation): DDL of all migrations, COPY, DELETE USING + INSERT, the version-aware
 * session merge, dimension maintenance, DQ gates, grants, ANALYZE and VACUUM. A change shows up as a diff of
 * {@code src/test/resources/golden/redshift.sql}; regenerate it with {@code -Dgolden.update=true} and review the diff.
 */
class RedshiftGoldenSqlTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/redshift.sql");
    private static final TableNames NAMES = new TableNames("tributary", "tributary_meta");

    @Test
    void redshiftSqlMatchesTheReviewedGoldenFile() throws IOException {
        String actual = render();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    private static String render() {
        RedshiftDialect redshift = new RedshiftDialect(Optional.of("arn:aws:iam::123456789012:role/copy"));
        var sections = new ArrayList<String>();
        for (Migration migration : Migration.forDialect("redshift")) {
            sections.add("-- migration " + migration.version() + " " + migration.description());
            sections.addAll(migration.statements(NAMES));
        }
        sections.add("-- staging and COPY");
        sections.add(redshift.createStageSql("tributary_stage_log_functions_analysis"));
        sections.add(redshift.copySql("tributary_stage_log_functions_analysis",
                "s3://lake/staging/log_functions_analysis/batch=q-7/manifest.json"));
        sections.add("CREATE TEMP TABLE tributary_stage_web_requests (" + WebRequestRow.COLUMN_DEFINITIONS + ")");
        sections.add("CREATE TEMP TABLE tributary_stage_web_sessions (" + WebSessionRow.COLUMN_DEFINITIONS + ")");
        sections.add("-- ledger");
        sections.add(redshift.lockTableSql(NAMES.loadBatches()));
        sections.add(redshift.ledgerLookupSql(NAMES.loadBatches()));
        sections.add(redshift.ledgerInsertSql(NAMES.loadBatches()));
        sections.add("-- calls: dims, gates, merge, retraction, quarantine");
        sections.addAll(DimensionSql.forCalls(NAMES, "tributary_stage_log_functions_analysis"));
        sections.addAll(FunctionCallLoadSql.all(redshift, NAMES));
        sections.add(redshift.quarantineInsertSql(NAMES.quarantine(), 2));
        sections.add("-- web: dims, merge (sessions version-aware)");
        sections.addAll(DimensionSql.forWeb(NAMES, "tributary_stage_web_sessions"));
        WebLoad web = new WebLoad(redshift, NAMES, LoadPolicy.DEFAULT);
        sections.add(web.requestDeleteSql());
        sections.add(web.requestInsertSql());
        sections.add(web.sessionDeleteSql());
        sections.add(web.sessionInsertSql());
        sections.add("-- analyst role");
        AnalystRole role = new AnalystRole(redshift, NAMES, "tributary_analyst");
        sections.add(role.existsSql());
        sections.add(role.createSql());
        sections.addAll(role.grantSql());
        sections.add("-- maintenance");
        sections.add(redshift.analyzeSql("tributary.log_functions_analysis"));
        sections.add(redshift.vacuumSql("tributary.log_functions_analysis").orElseThrow());
        List<String> terminated = sections.stream().map(s -> s.startsWith("--") ? s : s + ";").toList();
        return String.join("\n", terminated) + "\n";
    }
}
