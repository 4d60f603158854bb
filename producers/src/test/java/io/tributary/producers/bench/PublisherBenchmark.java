package io.tributary.producers.bench;

import io.tributary.producers.EmbeddedKafka;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import org.apache.kafka.tools.ProducerPerformance;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Run by hand (not a test): LogPublisher against Kafka's own ProducerPerformance (kafka-producer-perf-test), same
 * broker, same record size and producer settings, one producer thread each, in the same run.
 * {@code java -cp <test classpath> io.tributary.producers.bench.PublisherBenchmark [records] [recordBytes]}
 */
public final class PublisherBenchmark {
    private PublisherBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        try (var kafka = EmbeddedKafka.start()) {
            kafka.createTopic("bench.perf", 4);
            kafka.createTopic("bench.publisher", 4);
            var publisherConfig = LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS,
                    kafka.bootstrapServers()));
            // exactly LogPublisher's effective settings, handed to ProducerPerformance
            var props = new StringBuilder();
            for (var e : publisherConfig.producerProperties().entrySet()) {
                Object value = e.getValue() instanceof Class<?> c ? c.getName() : e.getValue();
                if (!e.getKey().endsWith("serializer")) {
                    props.append(e.getKey()).append('=').append(value).append(' ');
                }
            }
            for (int round = 1; round <= 2; round++) { // round 1 warms up the JIT and the broker
                System.out.println("== round " + round + ": kafka-producer-perf-test " + props);
                ProducerPerformance.main(("--topic bench.perf --num-records " + records + " --record-size " + size
                        + " --throughput -1 --producer-props " + props.toString().trim()).split(" "));
                System.out.println("== round " + round + ": LogPublisher");
                runPublisher(publisherConfig, records, size);
            }
        }
    }

    private static void runPublisher(LogPublisherConfig config, int records, int size) {
        // random A-Z payloads like ProducerPerformance's, so compression gains nothing the other side lacks
        var random = new java.util.Random(1);
        String[] lines = new String[1024];
        for (int i = 0; i < lines.length; i++) {
            var text = new StringBuilder(size);
            for (int j = 0; j < size; j++) {
                text.append((char) ('A' + random.nextInt(26)));
            }
            lines[i] = text.toString();
        }
        String[] keys = new String[64];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = String.format("V%03d", i);
        }
        var acked = new LongAdder();
        long start = System.nanoTime();
        try (var publisher = new LogPublisher(config)) {
            for (int i = 0; i < records; i++) {
                publisher.publish("bench.publisher", keys[i & 63], lines[i & 1023]).thenRun(acked::increment);
            }
            publisher.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("LogPublisher: %d records sent, %.1f records/sec (%.2f MB/sec), %d acknowledged%n",
                records, records / seconds, records * (double) size / seconds / 1024 / 1024, acked.sum());
    }
}
