package io.tributary.producers.publish;

import io.tributary.producers.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The callback form on a real broker: close loses nothing, and a full buffer fails fast when told to. */
class LogPublisherIT {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void closeReturnsOnlyWhenEveryCallbackLineIsAcknowledgedAndEachArrivesOnceInKeyOrder() throws Exception {
        String topic = "publisher-callback";
        kafka.createTopic(topic, 3);
        int lines = 50_000;
        var acknowledged = new AtomicInteger();
        var publisher = publisher(Map.of());
        try (publisher) {
            for (int i = 0; i < lines; i++) {
                publisher.send(topic, "V" + (i % 7), "line " + i, (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    }
                });
            }
        }

        assertThat(acknowledged.get()).isEqualTo(lines);
        assertThat(publisher.sent()).isEqualTo(lines);
        assertThat(publisher.failed()).isZero();
        var byKey = new HashMap<String, List<Integer>>();
        for (var record : readAll(topic, lines)) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(Integer.parseInt(record.value().substring("line ".length())));
        }
        assertThat(byKey).hasSize(7);
        byKey.forEach((key, numbers) -> assertThat(numbers).as("lines of %s, in order, once each", key)
                .isSorted().doesNotHaveDuplicates());
        assertThat(byKey.values().stream().mapToInt(List::size).sum()).isEqualTo(lines);
    }

    @Test
    void withMaxBlockZeroAFullBufferFailsLinesFastAndEveryLineIsAccountedFor() throws Exception {
        String topic = "publisher-fail-fast";
        kafka.createTopic(topic, 1);
        int lines = 200_000;
        var failures = ConcurrentHashMap.<Class<?>>newKeySet();
        var publisher = publisher(Map.of(LogPublisherConfig.MAX_BLOCK_MS, "0",
                LogPublisherConfig.BUFFER_MEMORY, Integer.toString(1024 * 1024),
                LogPublisherConfig.BATCH_SIZE, "16384", LogPublisherConfig.LINGER_MS, "50"));
        String line = "x".repeat(200);
        try (publisher) {
            for (int i = 0; i < lines; i++) {
                publisher.send(topic, "V1", line, (metadata, error) -> {
                    if (error != null) {
                        failures.add(error.getClass());
                    }
                });
            }
        }

        // 40 MB into a 1 MB buffer: lines beyond it fail at once instead of blocking (before the topic's metadata
        // arrives, lines fail the same way with a plain TimeoutException)
        assertThat(failures).contains(BufferExhaustedException.class)
                .allMatch(TimeoutException.class::isAssignableFrom);
        assertThat(publisher.sent()).isPositive();
        assertThat(publisher.sent() + publisher.failed()).isEqualTo(lines);
        assertThat(readAll(topic, (int) publisher.sent())).hasSize((int) publisher.sent());
    }

    private static LogPublisher publisher(Map<String, String> extra) {
        var props = new HashMap<String, String>(extra);
        props.put(LogPublisherConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        return new LogPublisher(LogPublisherConfig.of(props));
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(),
                "group.id", topic + "-reader", "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // one more poll: anything beyond the expected count would be a duplicate
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
