package io.tributary.cli.bench;

import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.stack.StackEndpoints;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * No-logic measurements on the same servers as the pipeline: what Kafka, the S3 server and PostgreSQL do on their own.
 * Each returns its rate in raw log-line bytes per second so it compares directly with the stage it bounds.
 */
final class Baselines {
    static final String PRODUCE_TOPIC = "tributary.bench.baseline.raw";
    static final String PASS_THROUGH_TOPIC = "tributary.bench.baseline.passthrough";
    private static final int PART_BYTES = 16 * 1024 * 1024;

    private Baselines() {
    }

    /**
     * A plain KafkaProducer loop (not kafka-tools' ProducerPerformance) with the publisher's own settings: acks=all,
     * idempotence, lz4, the same linger and batch size, the same keys and line values, to a topic with as many
     * partitions as the pipeline's.
     */
    static BenchResult.Baseline kafkaProduce(String bootstrap, Admin admin, int partitions, BaselineLines lines)
            throws InterruptedException {
        awaitLeaders(admin, partitions);
        Map<String, Object> props = LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS, bootstrap))
                .producerProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-bench-baseline");
        try (var producer = new KafkaProducer<byte[], byte[]>(props)) {
            // one acknowledged record per partition before the clock starts: metadata, leaders and producer id settled
            for (int p = 0; p < partitions; p++) {
                try {
                    producer.send(new ProducerRecord<>(PRODUCE_TOPIC, p, lines.keys.get(0), lines.values.get(0)))
                            .get(60, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("baseline warm-up on " + PRODUCE_TOPIC + " failed: " + e, e);
                }
            }
            var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
            long t0 = System.nanoTime();
            for (int i = 0; i < lines.size(); i++) {
                producer.send(new ProducerRecord<>(PRODUCE_TOPIC, lines.keys.get(i), lines.values.get(i)),
                        (meta, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("baseline produce failed: " + failure.get().getMessage(), failure.get());
            }
            return baseline("kafka producer", "KafkaProducer loop, acks=all, idempotent, lz4", lines.size(),
                    lines.valueBytes, seconds);
        }
    }

    /**
     * Creates the baseline topic; called when the pipeline starts, long before the baseline runs, because an
     * idempotent producer that meets a partition without a leader yet can loop on OUT_OF_ORDER_SEQUENCE_NUMBER.
     */
    static void createProduceTopic(Admin admin, int partitions) throws InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(PRODUCE_TOPIC, partitions, (short) 1),
                    new NewTopic(PASS_THROUGH_TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the baseline topics: " + e.getMessage(), e);
        }
    }

    /**
     * What the Streams stage does minus its logic: a plain consumer (read_committed) reads {@code sourceTopic} from
     * the start and a plain producer (the publisher's settings: acks=all, idempotent, lz4; no transactions) writes
     * each record unchanged to a scratch topic, until {@code records} are acknowledged.
     */
    static BenchResult.Baseline passThrough(String bootstrap, String sourceTopic, long records, long rawBytes) {
        Map<String, Object> cprops = new java.util.HashMap<>();
        cprops.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cprops.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "tributary-bench-passthrough");
        cprops.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cprops.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cprops.put(org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        cprops.put(org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        Map<String, Object> pprops = LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS, bootstrap))
                .producerProperties();
        pprops.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        pprops.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        pprops.put(ProducerConfig.CLIENT_ID_CONFIG, "tributary-bench-passthrough");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(cprops);
             var producer = new KafkaProducer<byte[], byte[]>(pprops)) {
            consumer.subscribe(List.of(sourceTopic));
            var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
            long copied = 0;
            long t0 = 0; // from the first record: the consumer group's join is not part of the throughput
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (copied < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("pass-through copied only " + copied + " of " + records + " in 10 min");
                }
                var batch = consumer.poll(java.time.Duration.ofMillis(500));
                if (t0 == 0 && !batch.isEmpty()) {
                    t0 = System.nanoTime();
                }
                for (var r : batch) {
                    producer.send(new ProducerRecord<>(PASS_THROUGH_TOPIC, r.key(), r.value()), (meta, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    copied++;
                }
            }
            producer.flush();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("pass-through produce failed: " + failure.get().getMessage(), failure.get());
            }
            return baseline("kafka consume+produce", "KafkaConsumer -> KafkaProducer, no parsing, no txn", copied,
                    rawBytes, seconds);
        }
    }

    private static void awaitLeaders(Admin admin, int partitions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                var description = admin.describeTopics(List.of(PRODUCE_TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(PRODUCE_TOPIC);
                if (description.partitions().size() == partitions
                        && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not visible yet: retried below until the deadline
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(PRODUCE_TOPIC + " has partitions without a leader after 60 s");
            }
            Thread.sleep(200); // waiting for the broker's metadata from a CLI, not a test
        }
    }

    /** One multipart upload of the lines (newline-joined, uncompressed) in 16 MiB parts to the stack's bucket. */
    static BenchResult.Baseline s3MultipartPut(StackEndpoints endpoints, BaselineLines lines) {
        byte[] body = lines.joined();
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoints.s3Endpoint()))
                .region(Region.of(endpoints.s3Region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoints.s3AccessKey(), endpoints.s3SecretKey())))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String key = "bench/baseline/raw-lines-" + System.currentTimeMillis() + ".jsonl";
            long t0 = System.nanoTime();
            String uploadId = s3.createMultipartUpload(b -> b.bucket(endpoints.bucket()).key(key)).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            for (int at = 0, n = 1; at < body.length; at += PART_BYTES, n++) {
                int len = Math.min(PART_BYTES, body.length - at);
                int partNumber = n;
                String etag = s3.uploadPart(b -> b.bucket(endpoints.bucket()).key(key).uploadId(uploadId)
                                .partNumber(partNumber),
                        RequestBody.fromByteBuffer(java.nio.ByteBuffer.wrap(body, at, len))).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(endpoints.bucket()).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            s3.deleteObject(b -> b.bucket(endpoints.bucket()).key(key));
            return baseline("s3 multipart put", "AWS SDK v2 multipart, 16 MiB parts, no gzip", lines.size(),
                    lines.valueBytes, seconds);
        }
    }

    /**
     * {@code COPY FROM STDIN} (CSV) of {@code rows} synthetic call rows into a scratch copy of the calls table (same
     * columns, primary key and index). Its rate is given in raw bytes: {@code rawBytes} of log lines make
     * {@code rows} calls, so the figure compares with the spark+load stage.
     */
    static BenchResult.Baseline postgresCopy(StackEndpoints endpoints, String schema, long rows, long rawBytes)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(),
                endpoints.jdbcPassword() == null ? "" : endpoints.jdbcPassword())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS tributary_bench");
                st.execute("DROP TABLE IF EXISTS tributary_bench.copy_baseline");
                st.execute("CREATE TABLE tributary_bench.copy_baseline (LIKE " + schema
                        + ".log_functions_analysis INCLUDING ALL)");
            }
            long t0 = System.nanoTime();
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY tributary_bench.copy_baseline FROM STDIN (FORMAT csv)");
            long csvBytes = 0;
            var chunk = new StringBuilder(1 << 20);
            for (long i = 0; i < rows; i++) {
                appendRow(chunk, i);
                if (chunk.length() >= (1 << 20) || i == rows - 1) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    csvBytes += bytes.length;
                    chunk.setLength(0);
                }
            }
            long copied = copy.endCopy();
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE tributary_bench.copy_baseline");
            }
            return baseline("postgres copy", String.format("COPY FROM STDIN csv, %,d rows, %.1f MB csv", copied,
                    csvBytes / 1e6), copied, rawBytes, seconds);
        }
    }

    /** A row shaped like a loaded call; call ids are unique so the primary key does real work. */
    private static void appendRow(StringBuilder sb, long i) {
        long startMicros = 1_577_836_800_000_000L + i * 1_000L;
        String hex = Long.toHexString(i);
        sb.append("0".repeat(32 - hex.length())).append(hex).append(",vehicle-").append(i % 50).append(",function_").append(i % 12)
                .append(',').append(java.time.Instant.ofEpochSecond(startMicros / 1_000_000, (startMicros % 1_000_000) * 1000))
                .append(',').append(java.time.Instant.ofEpochSecond(startMicros / 1_000_000 + 1, (startMicros % 1_000_000) * 1000))
                .append(",1.000000,").append(i % 3).append(",2020-01-01,bench-copy,2026-01-01T00:00:00Z\n");
    }

    private static BenchResult.Baseline baseline(String name, String method, long records, long bytes, double seconds) {
        double s = Math.max(seconds, 1e-9);
        return new BenchResult.Baseline(name, method, records, bytes, seconds, bytes / 1e6 / s, records / s);
    }
}
