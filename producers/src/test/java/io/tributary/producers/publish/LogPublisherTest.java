package io.tributary.producers.publish;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
    void callbackFormReportsEveryOutcomeOnceAndCountsIt() {
        var outcomes = new ArrayList<String>();
        publisher.send("t", "V001", "a", (metadata, error) -> outcomes.add(error == null
                ? "acked " + metadata.topic() : "failed " + error.getMessage()));
        publisher.send("t", "V002", "b", (metadata, error) -> outcomes.add(error == null
                ? "acked " + metadata.topic() : "failed " + error.getMessage()));
        publisher.send("t", "V003", "c", null);
        assertThat(publisher.published()).isEqualTo(3);
        assertThat(outcomes).isEmpty();

        mock.completeNext();
        mock.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"));
        mock.completeNext();

        assertThat(outcomes).containsExactly("acked t", "failed broker gone");
        assertThat(publisher.sent()).isEqualTo(2);
        assertThat(publisher.failed()).isEqualTo(1);
        assertThat(mock.history()).extracting(r -> r.key() + "=" + r.value()).containsExactly("V001=a", "V002=b", "V003=c");
    }

    @Test
    void sendThatThrowsFailsTheLineThroughItsFutureOrCallback() {
        mock.sendException = new org.apache.kafka.common.errors.SerializationException("cannot serialize");
        var errors = new ArrayList<Exception>();

        CompletableFuture<RecordMetadata> future = publisher.publish("t", "V001", "a");
        publisher.send("t", "V002", "b", (metadata, error) -> errors.add(error));

        assertThat(future).isCompletedExceptionally();
        assertThat(errors).singleElement().extracting(Exception::getMessage).isEqualTo("cannot serialize");
        assertThat(publisher.published()).isEqualTo(2);
        assertThat(publisher.failed()).isEqualTo(2);
    }

    @Test
    void retriesAreTheProducersRetryCount() {
        assertThat(publisher.retries()).isZero();
        var name = new MetricName("record-retry-total", "producer-metrics", "retried record sends", Map.of());
        mock.setMockMetrics(name, new Metric() {
            @Override
            public MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return 7.0;
            }
        });
        assertThat(publisher.retries()).isEqualTo(7);
    }

    @Test
    void publishingAfterCloseFailsNamingTheTopic() {
        publisher.close();
        assertThatThrownBy(() -> publisher.publish("vehicle.logs.raw", "V001", "a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vehicle.logs.raw");
    }
}
