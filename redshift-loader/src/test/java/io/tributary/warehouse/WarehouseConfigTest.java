package io.tributary.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.warehouse.dialect.PostgresDialect;
import io.tributary.warehouse.dialect.RedshiftDialect;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarehouseConfigTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/tributary-copy";

    @Test
    void defaultsApplyWhenOnlyTheUrlIsGiven() {
        WarehouseConfig config = WarehouseConfig.of(Map.of("warehouse.jdbc.url", "jdbc:postgresql://db:5432/wh"));

        assertThat(config.user()).isEqualTo("postgres");
        assertThat(config.password().value()).isEmpty();
        assertThat(config.schema()).isEqualTo("tributary");
        assertThat(config.metaSchema()).isEqualTo("tributary_meta");
        assertThat(config.redshiftIamRole()).isEmpty();
        assertThat(config.dialect()).isInstanceOf(PostgresDialect.class);
    }

    @Test
    void missingUrlIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> WarehouseConfig.of(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warehouse.jdbc.url");
    }

    @Test
    void unsupportedUrlIsRejectedNamingTheKeyAndAllowedPrefixes() {
        assertThatThrownBy(() -> WarehouseConfig.of(Map.of("warehouse.jdbc.url", "jdbc:mysql://db/wh")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warehouse.jdbc.url")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("jdbc:redshift:");
    }

    @Test
    void redshiftUrlWithoutIamRoleIsRejectedNamingBothKeys() {
        assertThatThrownBy(() -> WarehouseConfig.of(Map.of("warehouse.jdbc.url", "jdbc:redshift://c:5439/dev")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warehouse.redshift.iam.role")
                .hasMessageContaining("warehouse.jdbc.url");
    }

    @Test
    void redshiftUrlWithIamRolePicksTheRedshiftDialect() {
        WarehouseConfig config = WarehouseConfig.of(Map.of("warehouse.jdbc.url", "jdbc:redshift://c:5439/dev",
                "warehouse.redshift.iam.role", ROLE));

        assertThat(config.redshiftIamRole()).isEqualTo(Optional.of(ROLE));
        assertThat(config.dialect()).isInstanceOf(RedshiftDialect.class);
    }

    @Test
    void malformedIamRoleIsRejected() {
        assertThatThrownBy(() -> WarehouseConfig.of(Map.of("warehouse.jdbc.url", "jdbc:redshift://c:5439/dev",
                "warehouse.redshift.iam.role", "tributary-copy' CREDENTIALS '")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warehouse.redshift.iam.role");
    }

    @Test
    void schemaMustBeAPlainIdentifier() {
        assertThatThrownBy(() -> WarehouseConfig.of(Map.of("warehouse.jdbc.url", "jdbc:postgresql://db/wh",
                "warehouse.schema", "tributary; DROP SCHEMA public")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warehouse.schema");
        assertThatThrownBy(() -> WarehouseConfig.of(Map.of("warehouse.jdbc.url", "jdbc:postgresql://db/wh",
                "warehouse.schema", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warehouse.schema");
    }

    @Test
    void toStringNeverShowsThePassword() {
        WarehouseConfig config = WarehouseConfig.of(Map.of(
                "warehouse.jdbc.url", "jdbc:postgresql://db/wh?user=u&password=s3cr3t-in-url&ssl=true",
                "warehouse.password", "s3cr3t"));

        assertThat(config.toString())
                .doesNotContain("s3cr3t")
                .contains("warehouse.password=[hidden]")
                .contains("jdbc:postgresql://db/wh?user=u&password=[hidden]&ssl=true");
        assertThat(config.password().value()).isEqualTo("s3cr3t");
    }

    @Test
    void everyKeyIsDocumentedInTheConfigDef() {
        assertThat(WarehouseConfig.CONFIG_DEF.names()).containsExactlyInAnyOrder("warehouse.jdbc.url",
                "warehouse.user", "warehouse.password", "warehouse.redshift.iam.role", "warehouse.schema",
                "warehouse.analyst.role", "warehouse.analyze.every.batches", "warehouse.vacuum.every.batches",
                "warehouse.dq.max.future.seconds");
        WarehouseConfig.CONFIG_DEF.configKeys().values()
                .forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }
}
