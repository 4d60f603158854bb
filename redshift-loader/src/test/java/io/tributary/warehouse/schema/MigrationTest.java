package io.tributary.warehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MigrationTest {
    private static final TableNames NAMES = new TableNames("tributary", "tributary_meta");

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "redshift"})
    void indexListsEverySqlFileOfTheDialectInOrder(String dialect) throws IOException {
        Path dir = Path.of("src/main/resources", Migration.ROOT, dialect);
        List<String> onDisk;
        try (Stream<Path> files = Files.list(dir)) {
            onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }

        assertThat(Migration.forDialect(dialect)).extracting(m -> m.resource().substring(m.resource().lastIndexOf('/') + 1))
                .containsExactlyElementsOf(onDisk);
    }

    @Test
    void bothDialectsHaveTheSameVersions() {
        assertThat(Migration.forDialect("redshift")).extracting(Migration::version, Migration::description)
                .containsExactlyElementsOf(Migration.forDialect("postgresql").stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(m.version(), m.description())).toList());
    }

    @Test
    void redshiftInitDistributesByCallIdAndSortsByFunctionAndStart() {
        List<String> statements = Migration.forDialect("redshift").get(0).statements(NAMES);

        assertThat(statements).hasSize(5);
        assertThat(statements.get(2)).startsWith("CREATE TABLE tributary.log_functions_analysis (")
                .contains("duration       DECIMAL(18,6) NOT NULL", "PRIMARY KEY (call_id)")
                .endsWith("DISTKEY (call_id)\nCOMPOUND SORTKEY (function_name, start_time)");
        assertThat(statements.get(3)).startsWith("CREATE TABLE tributary_meta.quarantine (");
        assertThat(statements.get(4)).startsWith("CREATE TABLE tributary_meta.load_batches (")
                .contains("PRIMARY KEY (table_name, batch_id)");
    }

    @Test
    void postgresqlInitIndexesFunctionAndStartInsteadOfASortKey() {
        List<String> statements = Migration.forDialect("postgresql").get(0).statements(NAMES);

        assertThat(statements).hasSize(6).noneMatch(s -> s.contains("${") || s.contains("SORTKEY"));
        assertThat(statements.get(3)).isEqualTo("CREATE INDEX log_functions_analysis_function_start\n"
                + "    ON tributary.log_functions_analysis (function_name, start_time)");
    }

    @Test
    void redshiftWebTablesCarryDistAndSortKeysAndDimsAreReplicated() {
        List<String> statements = Migration.forDialect("redshift").get(1).statements(NAMES);

        assertThat(statements).noneMatch(s -> s.contains("${") || s.contains("CREATE INDEX") || s.contains("now()"));
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE tributary.web_requests ("))
                .singleElement().satisfies(s -> assertThat(s).endsWith("DISTKEY (event_id)\nCOMPOUND SORTKEY (event_time)"));
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE tributary.web_sessions ("))
                .singleElement().satisfies(s -> assertThat(s).contains("version          BIGINT        NOT NULL")
                        .endsWith("DISTKEY (session_id)\nCOMPOUND SORTKEY (site, first_event_time)"));
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE tributary.dim_"))
                .extracting(s -> s.substring(s.lastIndexOf('\n') + 1))
                .containsExactly("DISTSTYLE ALL", "DISTSTYLE ALL", "DISTSTYLE ALL", "DISTSTYLE ALL");
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE VIEW tributary."))
                .extracting(s -> s.substring("CREATE VIEW tributary.".length(), s.indexOf(" AS")))
                .containsExactly("v_call_duration_histogram", "v_call_duration_percentiles_daily",
                        "v_slowest_vehicles", "v_web_traffic_per_minute", "v_web_response_time_percentiles",
                        "v_booking_funnel_daily", "v_freshness");
    }

    @Test
    void scriptSplitsAtSemicolonsOutsideQuotesAndDropsComments() {
        assertThat(SqlScript.split("-- a; comment\nSELECT 'x;y''z';\nSELECT \"a;b\" -- trailing; note\n;  ;"))
                .containsExactly("SELECT 'x;y''z'", "SELECT \"a;b\"");
    }

    @Test
    void checksumChangesWithTheScriptText() {
        Migration init = Migration.forDialect("postgresql").get(0);

        assertThat(init.checksum()).hasSize(64).isNotEqualTo(Migration.forDialect("redshift").get(0).checksum());
    }
}
