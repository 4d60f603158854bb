package io.tributary.producers.publish;

import org.apache.kafka.clients.producer.Callback;
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
    private final Callback counting = (metadata, error) -> count(error);
    private final AtomicBoolean closed = new AtomicBoolean();

    public LogPublisher(LogPublisherConfig config) {
        this(new KafkaProducer<>(config.producerProperties()), Duration.ofMillis(config.closeTimeoutMs()));
    }

    /** For callers that build the producer themselves (tests with a {@code MockProducer}, custom serializers). */
    public LogPublisher(Producer<String, String> producer, Duration closeTimeout) {
        this.producer = producer;
        this.closeTimeout = closeTimeout;
    }

    /** Publishes one line; the future completes when the brokers acknowledged it, or fails with the reason. */
    public CompletableFuture<RecordMetadata> publish(String topic, String key, String line) {
        var delivery = new FutureDelivery();
        deliver(new ProducerRecord<>(topic, key, line), delivery);
        return delivery;
    }

    /** Publishes one line with string headers (e.g. {@code source}); the future completes when the brokers ack it. */
    public CompletableFuture<RecordMetadata> publish(String topic, String key, String line, Map<String, String> headers) {
        var delivery = new FutureDelivery();
        deliver(new ProducerRecord<>(topic, null, key, line, toRecordHeaders(headers)), delivery);
        return delivery;
    }

    /**
     * Publishes one line and calls {@code onDelivery} once, on the producer's I/O thread, when the brokers acknowledged
     * it (error null) or its delivery failed; the callback must be quick. The cheapest way to publish: no future and
     * no headers per line.
     *
     * @param onDelivery null = only count the outcome ({@link #sent()}, {@link #failed()})
     */
    public void send(String topic, String key, String line, Callback onDelivery) {
        deliver(new ProducerRecord<>(topic, key, line), onDelivery == null ? counting : new CountedDelivery(onDelivery));
    }

    private void deliver(ProducerRecord<String, String> record, Callback delivery) {
        if (closed.get()) {
            throw new IllegalStateException("LogPublisher is closed; cannot publish to " + record.topic());
        }
        published.increment();
        try {
            // a full buffer blocks here up to publisher.max.block.ms, then the line fails through the callback
            producer.send(record, delivery);
        } catch (RuntimeException e) {
            // send() throws only for errors it does not report through the callback (serialization, interrupt):
            // the caller still gets one place to look
            delivery.onCompletion(null, e);
        }
    }

    private static RecordHeaders toRecordHeaders(Map<String, String> headers) {
        var recordHeaders = new RecordHeaders();
        headers.forEach((name, value) -> recordHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return recordHeaders;
    }

    private void count(Exception error) {
        if (error == null) {
            sent.increment();
        } else {
            failed.increment();
        }
    }

    /** The future of one line and the producer callback that completes it, in one object per line. */
    private final class FutureDelivery extends CompletableFuture<RecordMetadata> implements Callback {
        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            count(error);
            if (error == null) {
                complete(metadata);
            } else {
                completeExceptionally(error);
            }
        }
    }

    private final class CountedDelivery implements Callback {
        private final Callback onDelivery;

        CountedDelivery(Callback onDelivery) {
            this.onDelivery = onDelivery;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            count(error);
            onDelivery.onCompletion(metadata, error);
        }
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

    /** Produce requests the producer retried (its {@code record-retry-total}): a sign of broker trouble. */
    public long retries() {
        for (var metric : producer.metrics().entrySet()) {
            if (metric.getKey().name().equals("record-retry-total")
                    && metric.getKey().group().equals("producer-metrics")
                    && metric.getValue().metricValue() instanceof Double total) {
                return total.longValue();
            }
        }
        return 0;
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
