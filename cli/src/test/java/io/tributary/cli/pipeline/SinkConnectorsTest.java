package io.tributary.cli.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SinkConnectorsTest {

    @Test
    void s3CompatibleEndpointGetsTheLocalConfigWithStaticKeysForBothTopics() {
        var sinks = SinkConnectors.of(new ConnectorsConfig(Map.of("connect.url", "http://127.0.0.1:8083",
                "s3.bucket", "tributary", "s3.endpoint", "http://127.0.0.1:9000", "s3.access.key", "AK",
                "s3.secret.key", "SK", "sink.rotate.idle.ms", "7000")));

        assertThat(sinks.names()).containsExactly("s3-sink-vehicle-events", "s3-sink-web-requests");
        assertThat(sinks.config("s3-sink-web-requests")).containsEntry("topics", "web.requests")
                .containsEntry("store.url", "http://127.0.0.1:9000").containsEntry("aws.access.key.id", "AK")
                .containsEntry("aws.secret.access.key", "SK").containsEntry("rotate.idle.ms", "7000")
                .containsEntry("flush.size", "20000");
    }

    @Test
    void awsS3GetsTheDistributedConfigWithoutKeys() {
        var sinks = SinkConnectors.of(new ConnectorsConfig(Map.of("connect.url", "http://connect:8083",
                "s3.bucket", "acme-landing", "s3.region", "eu-central-1")));

        assertThat(sinks.names()).containsExactly("s3-sink-vehicle-events", "s3-sink-web-requests");
        assertThat(sinks.config("s3-sink-vehicle-events")).containsEntry("topics", "vehicle.events")
                .containsEntry("s3.bucket.name", "acme-landing").containsEntry("s3.region", "eu-central-1")
                .doesNotContainKeys("store.url", "aws.access.key.id", "aws.secret.access.key");
    }

    @Test
    void changedKeysNameWhatDiffersButNeverTheValues() {
        var current = Map.of("name", "s", "flush.size", "20000", "aws.secret.access.key", "old-secret",
                "rotate.idle.ms", "5000");
        var desired = Map.of("name", "s", "flush.size", "20000", "aws.secret.access.key", "new-secret",
                "tasks.max", "2", "rotate.idle.ms", "5000");

        var changed = SinkConnectors.changedKeys(current, desired);

        assertThat(changed).containsExactly("aws.secret.access.key", "tasks.max");
        var change = new SinkConnectors.Change("s", SinkConnectors.Change.Kind.UPDATED, changed);
        assertThat(change.toString()).isEqualTo("s: updated (aws.secret.access.key, tasks.max)")
                .doesNotContain("secret-").doesNotContain("new-secret");
    }
}
