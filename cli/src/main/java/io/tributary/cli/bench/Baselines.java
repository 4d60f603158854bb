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
     * What the Streams stage does minus its logic: a plain consumer (read_committed) reads {@code sourceTopics} from
     * the start and a plain producer (the publisher's settings: acks=all, idempotent, lz4; no transactions) writes
     * each record unchanged to a scratch topic, until {@code records} are acknowledged.
     */
    static BenchResult.Baseline passThrough(String bootstrap, List<String> sourceTopics, long records, long rawBytes) {
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
            consumer.subscribe(sourceTopics);
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
     * {@code COPY FROM STDIN} (CSV) of {@code rows} synthetic rows shaped like {@code table}'s into a scratch copy of
     * it (same columns, primary key and indexes). Its rate is given in raw bytes: {@code rawBytes} of log lines make
     * {@code rows} rows, so the figure compares with the spark+load stage of that table.
     */
    static BenchResult.Baseline postgresCopy(StackEndpoints endpoints, CopyRows table, long rows, long rawBytes)
            throws SQLException {
        String scratch = "tributary_bench.copy_" + table.table;
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(),
                endpoints.jdbcPassword() == null ? "" : endpoints.jdbcPassword())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS tributary_bench");
                st.execute("DROP TABLE IF EXISTS " + scratch);
                st.execute("CREATE TABLE " + scratch + " (LIKE tributary." + table.table + " INCLUDING ALL)");
            }
            long t0 = System.nanoTime();
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + scratch + " FROM STDIN (FORMAT csv)");
            long csvBytes = 0;
            var chunk = new StringBuilder(1 << 20);
            for (long i = 0; i < rows; i++) {
                table.append(chunk, i);
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
                st.execute("DROP TABLE " + scratch);
            }
            return baseline("postgres copy " + table.table, String.format("COPY FROM STDIN csv, %,d rows, %.1f MB csv",
                    copied, csvBytes / 1e6), copied, rawBytes, seconds);
        }
    }

    /** Synthetic rows of a warehouse table for the COPY baseline; keys are unique so the primary key does real work. */
    enum CopyRows {
        CALLS("log_functions_analysis") {
            @Override
            void append(StringBuilder sb, long i) {
                long startMicros = 1_577_836_800_000_000L + i * 1_000L;
                sb.append(hex32(i)).append(",V").append(i % 50).append(",function_").append(i % 12)
                        .append(',').append(instant(startMicros)).append(',').append(instant(startMicros + 1_000_000))
                        .append(",1.000000,").append(i % 3).append(",2020-01-01,bench-copy,2026-01-01T00:00:00Z\n");
            }
        },
        WEB_REQUESTS("web_requests") {
            @Override
            void append(StringBuilder sb, long i) {
                long micros = 1_577_836_800_000_000L + i * 100_000L;
                sb.append(hex32(i)).append(",hotels-").append(i % 3).append(',').append(instant(micros))
                        .append(",203.0.113.").append(i % 254).append(",\"Mozilla/5.0 (X11; Linux x86_64; rv:121.0)"
                                + " Gecko/20100101 Firefox/121.0\",GET,/hotel/").append(i % 500)
                        .append(",checkin=2020-01-12,200,").append(400 + i % 60_000)
                        .append(",https://hotels-north.example/search,").append(80 + i % 100).append(',')
                        .append(hex32(i / 4)).append(",2020-01-01,bench-copy,2026-01-01T00:00:00Z\n");
            }
        };

        final String table;

        CopyRows(String table) {
            this.table = table;
        }

        abstract void append(StringBuilder sb, long i);

        private static String hex32(long i) {
            String hex = Long.toHexString(i);
            return "0".repeat(32 - hex.length()) + hex;
        }

        private static java.time.Instant instant(long micros) {
            return java.time.Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
        }
    }

    private static BenchResult.Baseline baseline(String name, String method, long records, long bytes, double seconds) {
        double s = Math.max(seconds, 1e-9);
        return new BenchResult.Baseline(name, method, records, bytes, seconds, bytes / 1e6 / s, records / s);
    }
}
