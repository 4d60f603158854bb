package io.tributary.warehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnownTableTest {
    private final TableNames names = new TableNames("tributary", "tributary_meta");

    @Test
    void simpleAndQualifiedNamesResolveToTheQualifiedTable() {
        assertThat(KnownTable.resolve("log_functions_analysis", names).qualifiedName(names))
                .isEqualTo("tributary.log_functions_analysis");
        assertThat(KnownTable.resolve(" Tributary_Meta.Quarantine ", names).qualifiedName(names))
                .isEqualTo("tributary_meta.quarantine");
        assertThat(KnownTable.resolve("load_batches", names).qualifiedName(names))
                .isEqualTo("tributary_meta.load_batches");
    }

    @Test
    void anythingElseIsRejectedListingTheKnownTables() {
        assertThatThrownBy(() -> KnownTable.resolve("log_functions_analysis; DROP TABLE x", names))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tributary.log_functions_analysis")
                .hasMessageContaining("tributary_meta.quarantine");
        assertThatThrownBy(() -> KnownTable.resolve("tributary.quarantine", names))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KnownTable.resolve(null, names)).isInstanceOf(IllegalArgumentException.class);
    }
}
