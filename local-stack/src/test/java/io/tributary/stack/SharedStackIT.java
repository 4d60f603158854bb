package io.tributary.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** The fixture other modules' tests use: one stack per JVM, whatever the number of callers. */
class SharedStackIT {

    @Test
    void sharedReturnsTheSameStartedStackToEveryCaller() throws Exception {
        PipelineStack first = PipelineStacks.shared();
        PipelineStack second = PipelineStacks.shared();
        assertThat(second).isSameAs(first);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.endpoints().kafkaBootstrap()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
        assertThat(first.endpoints().connectUrl()).startsWith("http://127.0.0.1:");
        assertThat(first.endpoints().jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
    }
}
