package io.tributary.producers.publish;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counting and future semantics against Kafka's own in-memory producer; delivery to a broker is in FleetRunIT. */
class LogPublisherTest {
    private final MockProducer<String, String> mock =
            new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    private final LogPublisher publisher = new LogPublisher(mock, Duration.ofSeconds(5));

    @Test
    void acknowledgedAndFailedLinesAreCountedAndCompleteTheirFutures() {
        CompletableFuture<RecordMetadata> first = publisher.publish("t", "V001", "a");
        CompletableFuture<RecordMetadata> second = publisher.publish("t", "V002", "b", Map.of("source", "fleet-sim"));
        assertThat(publisher.published()).isEqualTo(2);
        assertThat(first).isNotDone();

        mock.completeNext();
        mock.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"));

        assertThat(first).isCompleted();
        assertThat(second).isCompletedExceptionally();
        assertThat(publisher.sent()).isEqualTo(1);
        assertThat(publisher.failed()).isEqualTo(1);
        var record = mock.history().get(1);
        assertThat(record.key()).isEqualTo("V002");
        assertThat(new String(record.headers().lastHeader("source").value(), StandardCharsets.UTF_8))
                .isEqualTo("fleet-sim");
    }

    @Test
    void closeFlushesPendingLinesBeforeClosingTheProducer() {
        CompletableFuture<RecordMetadata> pending = publisher.publish("t", "V001", "a");

        publisher.close();

        assertThat(pending).isCompleted();
        assertThat(publisher.sent()).isEqualTo(1);
        assertThat(mock.flushed()).isTrue();
        assertThat(mock.closed()).isTrue();
    }

    @Test
    void publishingAfterCloseFailsNamingTheTopic() {
        publisher.close();
        assertThatThrownBy(() -> publisher.publish("vehicle.logs.raw", "V001", "a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vehicle.logs.raw");
    }
}
