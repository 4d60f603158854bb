package io.tributary.producers.bench;

import io.tributary.producers.BenchBroker;
import io.tributary.producers.ChildKafka;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.ProducerPerformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Run by hand (not a test): LogPublisher against Kafka's own ProducerPerformance (kafka-producer-perf-test) on the same
 * broker, in the same run, one producer thread each, same producer settings (LogPublisher's effective ones), same
 * record size and the same payloads (a fresh random A–Z line per record, as ProducerPerformance's --record-size makes
 * them). LogPublisher's records are keyed (64 vehicle ids), as in production; ProducerPerformance's have no key.
 * <p>
 * The broker runs in a child JVM ({@link ChildKafka}, -Xmx1g) unless {@code -Dbench.broker=embedded}; each run
 * prints records/s, the client JVM's and the broker's CPU seconds, and the load average.
 * {@code java -cp <test classpath> io.tributary.producers.bench.PublisherBenchmark [records] [recordBytes] [rounds]}
 * {@code -Dbench.variants=perf-test,publisher-callback,publisher-future,kafka-producer-keyed} picks the variants
 * (in that order each round); extra publisher settings as {@code -Dpublisher.<key>=<value>}.
 */
public final class PublisherBenchmark {
    private static final Pattern PERF_TEST_TOTAL = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");
    private static final String TOPIC_PREFIX = "bench.";
    private static final int KEYS = 64;

    private PublisherBenchmark() {
    }

    record Run(String variant, int round, double recordsPerSecond, double clientCpuSeconds, double brokerCpuSeconds,
               double seconds, String load) {
        @Override
        public String toString() {
            return String.format("%-22s round %d: %,10.0f records/s  %5.2f s  client CPU %5.2f s  broker CPU %5.2f s"
                            + "  (%.2f + %.2f CPU-us/record)  load %s", variant, round, recordsPerSecond, seconds,
                    clientCpuSeconds, brokerCpuSeconds, clientCpuSeconds / (recordsPerSecond * seconds) * 1e6,
                    brokerCpuSeconds / (recordsPerSecond * seconds) * 1e6, load);
        }
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> variants = List.of(System.getProperty("bench.variants",
                "perf-test,publisher-callback,publisher-future").split(","));
        var broker = BenchBroker.start();
        boolean embedded = broker.embedded();
        String bootstrap = broker.bootstrapServers();
        // embedded, the broker's CPU is this JVM's: not reported apart
        long brokerPid = embedded ? -1 : broker.pid();
        try (broker) {
            var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap));
            var settings = new LinkedHashMap<String, Object>();
            settings.put(LogPublisherConfig.BOOTSTRAP_SERVERS, bootstrap);
            System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("publisher."))
                    .forEach(k -> settings.put(k, System.getProperty(k)));
            var config = LogPublisherConfig.of(settings);
            System.out.println("broker: " + (embedded ? "in this JVM" : "child JVM, pid " + brokerPid)
                    + "; settings: " + perfTestProps(config));
            var topics = new ArrayList<String>();
            for (int round = 1; round <= rounds; round++) {
                for (String variant : variants) {
                    topics.add(TOPIC_PREFIX + variant + "." + round);
                }
            }
            createTopics(admin, topics);
            var results = new ArrayList<Run>();
            for (int round = 1; round <= rounds; round++) {
                for (String variant : variants) {
                    String topic = TOPIC_PREFIX + variant + "." + round;
                    double clientCpu = ProcessCpu.self();
                    double brokerCpu = brokerPid > 0 ? ProcessCpu.seconds(brokerPid) : 0;
                    String load = ProcessCpu.loadAverage();
                    long start = System.nanoTime();
                    double rate = switch (variant) {
                        case "perf-test" -> perfTest(config, topic, records, size);
                        case "publisher-callback" -> publisherCallback(config, topic, records, size);
                        case "publisher-future" -> publisherFuture(config, topic, records, size);
                        case "kafka-producer-keyed" -> kafkaProducerKeyed(config, topic, records, size);
                        default -> throw new IllegalArgumentException("unknown variant " + variant);
                    };
                    double seconds = (System.nanoTime() - start) / 1e9;
                    var run = new Run(variant, round, rate, ProcessCpu.self() - clientCpu,
                            brokerPid > 0 ? ProcessCpu.seconds(brokerPid) - brokerCpu : Double.NaN, seconds, load);
                    results.add(run);
                    System.out.println("== " + run);
                }
            }
            admin.close();
            System.out.println("\nall runs (" + records + " records of " + size + " bytes each; round 1 warms up):");
            results.forEach(run -> System.out.println("  " + run));
        }
    }

    /**
     * Creates every topic before the first run and waits until the broker leads all their partitions: a produce to a
     * partition the broker does not lead yet fails with a retriable error, and when a later batch of the same producer
     * lands first, the idempotent producer retries the first one with OUT_OF_ORDER_SEQUENCE_NUMBER until it expires
     * (KAFKA-14359), which showed here as a few hundred failed records in a run started right after the create.
     */
    private static void createTopics(org.apache.kafka.clients.admin.Admin admin, List<String> topics)
            throws Exception {
        admin.createTopics(topics.stream().map(t -> new org.apache.kafka.clients.admin.NewTopic(t, 4, (short) 1))
                .toList()).all().get();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean led = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            if (led) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + topics + " have no leaders after 30 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
    }

    /** LogPublisher's effective producer settings, as ProducerPerformance takes them. */
    private static String perfTestProps(LogPublisherConfig config) {
        var props = new StringBuilder();
        for (var e : config.producerProperties().entrySet()) {
            if (!e.getKey().endsWith("serializer")) {
                props.append(e.getKey()).append('=').append(e.getValue()).append(' ');
            }
        }
        return props.toString().trim();
    }

    private static double perfTest(LogPublisherConfig config, String topic, int records, int size)
            throws Exception {
        var captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(("--topic " + topic + " --num-records " + records + " --record-size " + size
                    + " --throughput -1 --producer-props " + perfTestProps(config)).split(" "));
        } finally {
            System.setOut(out);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        var total = PERF_TEST_TOTAL.matcher(text.substring(text.lastIndexOf(records + " records sent")));
        if (!total.find()) {
            throw new IllegalStateException("no total in ProducerPerformance's output: " + text);
        }
        return Double.parseDouble(total.group(2));
    }

    private static double publisherCallback(LogPublisherConfig config, String topic, int records, int size) {
        var lines = new Lines(size);
        var acked = new LongAdder();
        long start = System.nanoTime();
        try (var publisher = new LogPublisher(config)) {
            for (int i = 0; i < records; i++) {
                publisher.send(topic, lines.key(i), lines.next(), (metadata, error) -> {
                    if (error == null) {
                        acked.increment();
                    }
                });
            }
        }
        return rate(records, acked.sum(), start);
    }

    private static double publisherFuture(LogPublisherConfig config, String topic, int records, int size) {
        var lines = new Lines(size);
        var acked = new LongAdder();
        long start = System.nanoTime();
        try (var publisher = new LogPublisher(config)) {
            for (int i = 0; i < records; i++) {
                publisher.publish(topic, lines.key(i), lines.next()).thenRun(acked::increment);
            }
        }
        return rate(records, acked.sum(), start);
    }

    /** A bare KafkaProducer with the same settings and keys: what keys cost, without LogPublisher. */
    private static double kafkaProducerKeyed(LogPublisherConfig config, String topic, int records, int size) {
        var lines = new Lines(size);
        var acked = new LongAdder();
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<>(config.producerProperties(), new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, lines.key(i), lines.next()), (metadata, error) -> {
                    if (error == null) {
                        acked.increment();
                    }
                });
            }
        }
        return rate(records, acked.sum(), start);
    }

    private static double rate(int records, long acked, long startNanos) {
        if (acked != records) {
            throw new IllegalStateException(acked + " of " + records + " records acknowledged");
        }
        return records / ((System.nanoTime() - startNanos) / 1e9);
    }

    /** Fresh random A–Z text per record, as ProducerPerformance --record-size makes its payloads. */
    private static final class Lines {
        private final SplittableRandom random = new SplittableRandom(1);
        private final char[] text;
        private final String[] keys = new String[KEYS];

        Lines(int size) {
            text = new char[size];
            for (int i = 0; i < KEYS; i++) {
                keys[i] = String.format("V%03d", i);
            }
        }

        String next() {
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) ('A' + random.nextInt(26));
            }
            return new String(text);
        }

        String key(int i) {
            return keys[i & (KEYS - 1)];
        }
    }
}
