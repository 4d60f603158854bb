package io.tributary.connect.s3.bench;

import io.tributary.connect.s3.S3SinkTask;
import io.tributary.connect.s3.testing.Records;
import io.tributary.connect.s3.testing.S3ProxyServer;
import io.tributary.connect.s3.testing.TestSinkTaskContext;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * By hand, not part of verify: the sink task vs a plain program that gzips the same lines into files of the same
 * size and PUTs them to the same s3proxy, in one run.
 * {@code java -cp <test classpath> io.tributary.connect.s3.bench.SinkBench [records] [rounds]}
 */
public final class SinkBench {
    private SinkBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int flushSize = 10_000;
        List<SinkRecord> input = new ArrayList<>(records);
        long bytes = 0;
        Instant t = Instant.parse("2020-01-01T10:00:00Z");
        for (int i = 0; i < records; i++) {
            String json = "{\"event_id\":\"" + String.format("%032x", (long) i * 2654435761L) + "\",\"vehicle_id\":\"V"
                    + (i % 977) + "\",\"function_name\":\"lidar_fusion_" + (i % 13) + "\",\"event_type\":\""
                    + (i % 2 == 0 ? "START" : "END") + "\",\"event_time\":\"2020-01-01T10:00:00." + String.format("%06d", i % 1_000_000)
                    + "Z\",\"seq\":" + i + ",\"source\":\"fleet-sim\",\"ingest_time\":\"2026-11-21T10:00:00.000Z\"}";
            byte[] value = json.getBytes(StandardCharsets.UTF_8);
            bytes += value.length;
            input.add(Records.value("vehicle.events", 0, i, t.plusMillis(i / 100), value));
        }
        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            for (int round = 1; round <= rounds; round++) {
                String bucket = "bench-" + round;
                s3.client().createBucket(b -> b.bucket(bucket + "-plain"));
                s3.client().createBucket(b -> b.bucket(bucket + "-sink"));
                long plain = plain(s3, bucket + "-plain", input, flushSize);
                long sink = sink(s3, bucket + "-sink", input, flushSize);
                System.out.printf("round %d: %,d records, %.1f MB input%n", round, records, bytes / 1e6);
                report("plain gzip+PUT", records, bytes, plain);
                report("sink task     ", records, bytes, sink);
                System.out.printf("  sink/plain = %.0f%%%n", 100.0 * plain / sink);
            }
        }
    }

    private static void report(String what, int records, long bytes, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("  %s: %.2f s, %,.0f records/s, %.1f MB/s of input%n", what, seconds, records / seconds,
                bytes / 1e6 / seconds);
    }

    private static long plain(S3ProxyServer s3, String bucket, List<SinkRecord> input, int flushSize) throws Exception {
        long start = System.nanoTime();
        for (int from = 0; from < input.size(); from += flushSize) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out, 32 * 1024)) {
                for (int i = from; i < Math.min(input.size(), from + flushSize); i++) {
                    gzip.write((byte[]) input.get(i).value());
                    gzip.write('\n');
                }
            }
            String key = "landing/vehicle.events/dt=2020-01-01/vehicle.events+0+" + String.format("%010d", from)
                    + ".jsonl.gz";
            s3.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(out.toByteArray()));
        }
        return System.nanoTime() - start;
    }

    private static long sink(S3ProxyServer s3, String bucket, List<SinkRecord> input, int flushSize) {
        Map<String, String> props = Map.of("s3.bucket.name", bucket, "store.url", s3.endpoint().toString(),
                "s3.path.style.access.enabled", "true", "aws.access.key.id", S3ProxyServer.ACCESS_KEY,
                "aws.secret.access.key", S3ProxyServer.SECRET_KEY, "flush.size", Integer.toString(flushSize),
                "rotate.interval.ms", "-1", "rotate.idle.ms", "-1");
        S3SinkTask task = new S3SinkTask();
        task.initialize(new TestSinkTaskContext(props, false));
        long start = System.nanoTime();
        task.start(props);
        TopicPartition tp = new TopicPartition("vehicle.events", 0);
        task.open(List.of(tp));
        for (int from = 0; from < input.size(); from += 2000) { // the worker's max.poll.records-sized batches
            task.put(input.subList(from, Math.min(input.size(), from + 2000)));
        }
        task.preCommit(Map.of());
        long nanos = System.nanoTime() - start;
        task.stop();
        return nanos;
    }
}
