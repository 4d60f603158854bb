package io.tributary.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackEndpointsTest {

    private final StackEndpoints endpoints = new StackEndpoints("127.0.0.1:9092", "http://127.0.0.1:8083",
        "http://127.0.0.1:9000", "us-east-1", "tributary", "AKIDLOCAL", "s3-secret-value",
        "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "pg-secret-value");

    @Test
    void toStringMasksSecretKeyAndPasswordButShowsAddresses() {
        assertThat(endpoints.toString())
            .doesNotContain("s3-secret-value", "pg-secret-value")
            .contains("127.0.0.1:9092", "http://127.0.0.1:8083", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "AKIDLOCAL", "s3SecretKey=******", "jdbcPassword=******");
    }

    @Test
    void propertiesRoundTrip() {
        assertThat(StackEndpoints.fromProperties(endpoints.asProperties())).isEqualTo(endpoints);
    }
}
