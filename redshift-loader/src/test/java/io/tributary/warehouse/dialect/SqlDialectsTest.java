package io.tributary.warehouse.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlDialectsTest {

    @Test
    void postgresqlUrlPicksPostgresDialectAndPgjdbc() {
        SqlDialect dialect = SqlDialects.forJdbcUrl("jdbc:postgresql://localhost:5432/tributary", Optional.empty());

        assertThat(dialect).isInstanceOf(PostgresDialect.class);
        assertThat(dialect.driverClassName()).isEqualTo("org.postgresql.Driver");
        assertThat(dialect.name()).isEqualTo("postgresql");
    }

    @Test
    void redshiftUrlPicksRedshiftDialectAndAmazonDriver() {
        SqlDialect dialect = SqlDialects.forJdbcUrl("jdbc:redshift://cluster:5439/dev", Optional.empty());

        assertThat(dialect).isInstanceOf(RedshiftDialect.class);
        assertThat(dialect.driverClassName()).isEqualTo("com.amazon.redshift.Driver");
        assertThat(dialect.name()).isEqualTo("redshift");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://db/wh", "postgresql://db/wh", "jdbc:redshift-iam://c/dev", "", "JDBC:POSTGRESQL://db"})
    void anyOtherUrlIsRejectedNamingTheKeyAndThePrefixes(String url) {
        assertThatThrownBy(() -> SqlDialects.forJdbcUrl(url, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warehouse.jdbc.url")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("jdbc:redshift:");
    }

    @Test
    void rejectedUrlDoesNotLeakItsPassword() {
        assertThatThrownBy(() -> SqlDialects.forJdbcUrl("jdbc:mysql://db/wh?password=hunter2", Optional.empty()))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void bothDriversAreOnTheClasspath() throws Exception {
        assertThat(Class.forName(new PostgresDialect().driverClassName())).isNotNull();
        assertThat(Class.forName(new RedshiftDialect(Optional.empty()).driverClassName())).isNotNull();
    }
}
