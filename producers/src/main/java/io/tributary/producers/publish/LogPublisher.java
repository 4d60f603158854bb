package io.tributary.producers.publish;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes log lines to Kafka; the library services embed. Delivery is idempotent with acks=all and lz4, so an
 * acknowledged line is durable and appears once per partition. {@link #flush()} and {@link #close()} return only when
 * every line handed to {@link #publish} is acknowledged or has failed (failures complete its future exceptionally).
 */
public final class LogPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogPublisher.class);

    private final Producer<String, String> producer;
    private final Duration closeTimeout;
    private final LongAdder published = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();

    public LogPublisher(LogPublisherConfig config) {
        this(new KafkaProducer<>(config.producerProperties()), Duration.ofMillis(config.closeTimeoutMs()));
    }

    /** For callers that build the producer themselves (tests with a {@code MockProducer}, custom serializers). */
    public LogPublisher(Producer<String, String> producer, Duration closeTimeout) {
        this.producer = producer;
        this.closeTimeout = closeTimeout;
    }

    public CompletableFuture<RecordMetadata> publish(String topic, String key, String line) {
        return publish(topic, key, line, Map.of());
    }

    /** Publishes one line with string headers (e.g. {@code source}); the future completes when the brokers ack it. */
    public CompletableFuture<RecordMetadata> publish(String topic, String key, String line, Map<String, String> headers) {
        if (closed.get()) {
            throw new IllegalStateException("LogPublisher is closed; cannot publish to " + topic);
        }
        var recordHeaders = new RecordHeaders();
        headers.forEach((name, value) -> recordHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        var record = new ProducerRecord<>(topic, null, key, line, recordHeaders);
        var result = new CompletableFuture<RecordMetadata>();
        published.increment();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent.increment();
                    result.complete(metadata);
                } else {
                    failed.increment();
                    result.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            // send() throws only for errors it detects before queueing (serialization, buffer full with max.block.ms=0
            // on some paths): the caller still gets one place to look, the future.
            failed.increment();
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Blocks until every line published so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Lines handed to publish() so far. */
    public long published() {
        return published.sum();
    }

    /** Lines the brokers acknowledged. */
    public long sent() {
        return sent.sum();
    }

    /** Lines whose delivery failed (their futures completed exceptionally). */
    public long failed() {
        return failed.sum();
    }

    /** Flushes, then closes; lines still unacknowledged after {@code publisher.close.timeout.ms} count as failed. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            producer.flush();
        } finally {
            producer.close(closeTimeout);
        }
        long pending = published() - sent() - failed();
        if (failed() > 0 || pending > 0) {
            LOG.warn("LogPublisher closed: {} lines acknowledged, {} failed, {} never acknowledged",
                    sent(), failed(), pending);
        } else {
            LOG.info("LogPublisher closed: {} lines acknowledged", sent());
        }
    }
}
