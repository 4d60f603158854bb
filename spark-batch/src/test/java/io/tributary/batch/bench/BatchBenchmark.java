package io.tributary.batch.bench;

import io.tributary.batch.BatchMain;
import io.tributary.batch.config.BatchConfig;
import io.tributary.batch.job.BatchJob;
import io.tributary.batch.job.BatchOutcome;
import io.tributary.batch.job.SparkSessions;
import io.tributary.events.EventType;
import io.tributary.events.LandingLayout;
import io.tributary.events.Topics;
import io.tributary.events.VehicleEvent;
import io.tributary.events.VehicleEventJson;
import io.tributary.events.VehicleEventSchema;
import io.tributary.embeddedpg.PostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput benchmark, run by hand (not part of the build: the name matches neither *Test nor *IT):
 * {@code ./mvnw -o -pl spark-batch verify -Dit.test=BatchBenchmark -Dbench.events=600000}.
 * In one JVM, on the same landed files and the same PostgreSQL: (1) the job (pairing + lake + warehouse load),
 * (2) a no-logic Spark read-JSON/write-parquet, (3) a raw COPY FROM STDIN of the same calls. Prints the numbers.
 */
class BatchBenchmark {
    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        int events = Integer.getInteger("bench.events", 600_000);
        int perFile = 50_000;
        Path lake = dir.resolve("lake");
        var calls = new ArrayList<String>();
        long landedBytes = land(lake, events, perFile, calls);
        double landedMb = landedBytes / 1e6;
        // a long-running job is warm: a first run over a copy of one file (own lake, checkpoint and database) lets
        // the JIT compile Spark's and our code before the measured run, as it has in production after a few batches
        Path warmLake = dir.resolve("warm-lake");
        land(warmLake, Math.min(events, perFile), perFile, new ArrayList<>());
        try (EmbeddedPostgres pg = PostgresBinaries.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("CREATE DATABASE warmup");
            }
            SparkSession spark = SparkSessions.forBatch(config(warmLake, dir.resolve("warm-cp"),
                    pg.getJdbcUrl("postgres", "warmup")));
            new BatchJob(config(warmLake, dir.resolve("warm-cp"), pg.getJdbcUrl("postgres", "warmup")), spark).run();
            BatchConfig config = config(lake, dir.resolve("cp"), url);
            if (Boolean.getBoolean("bench.log.statements")) {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.createStatement().execute("ALTER SYSTEM SET log_min_duration_statement = 20");
                    c.createStatement().execute("SELECT pg_reload_conf()");
                }
            }

            System.out.println("BENCH-WINDOW job start " + Instant.now());
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            List<BatchOutcome> outcomes = new BatchJob(config, spark).run();
            double jobS = (System.nanoTime() - t0) / 1e9;
            double jobCpuS = (cpuNanos() - cpu0) / 1e9;
            System.out.println("BENCH-WINDOW job end " + Instant.now());
            long loaded;
            try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement()
                    .executeQuery("SELECT count(*) FROM tributary.log_functions_analysis")) {
                rs.next();
                loaded = rs.getLong(1);
            }
            assertThat(loaded).isEqualTo(calls.size());

            long cpu1 = cpuNanos();
            long t1 = System.nanoTime();
            spark.read().schema(VehicleEventSchema.DDL).json(lake.resolve("landing").toString())
                    .write().parquet(dir.resolve("plain-parquet").toString());
            double sparkS = (System.nanoTime() - t1) / 1e9;
            double sparkCpuS = (cpuNanos() - cpu1) / 1e9;

            double copyS;
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("CREATE TABLE copy_baseline (call_id VARCHAR(128), vehicle_id VARCHAR(256),"
                        + " function_name VARCHAR(256), start_time TIMESTAMP, end_time TIMESTAMP, duration DECIMAL(18,6),"
                        + " call_depth INTEGER, event_date DATE)");
                byte[] csv = String.join("", calls).getBytes(StandardCharsets.UTF_8);
                long t2 = System.nanoTime();
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copy_baseline FROM STDIN WITH (FORMAT csv)",
                        new java.io.ByteArrayInputStream(csv));
                copyS = (System.nanoTime() - t2) / 1e9;
            }
            spark.stop();
            System.out.printf("%nBENCH events=%d calls=%d landed=%.1f MB gz (%d batches)%n", events, calls.size(),
                    landedMb, outcomes.size());
            System.out.printf("BENCH job (pair+lake+load): %.1f s = %.0f calls/s, %.0f events/s, %.2f MB/s landed; %.1f s CPU "
                    + "(this JVM; PostgreSQL not included)%n", jobS, calls.size() / jobS, events / jobS, landedMb / jobS,
                    jobCpuS);
            System.out.printf("BENCH spark json->parquet : %.1f s = %.0f events/s, %.2f MB/s landed; %.1f s CPU%n",
                    sparkS, events / sparkS, landedMb / sparkS, sparkCpuS);
            System.out.printf("BENCH COPY FROM STDIN     : %.1f s = %.0f calls/s%n", copyS, calls.size() / copyS);
            outcomes.forEach(o -> System.out.printf("BENCH batch %d: %d events, %d calls written, %d final, pair %d ms, "
                    + "lake %d ms, warehouse %d ms%n", o.sparkBatchId(), o.inputEvents(), o.calls(), o.finalCalls(),
                    o.pairingMs(), o.lakeMs(), o.warehouseMs()));
        }
    }

    private static BatchConfig config(Path lake, Path checkpoint, String jdbcUrl) {
        return BatchMain.parse(List.of("--set", "s3.scheme=file", "--set", "s3.bucket=" + lake,
                "--set", "spark.checkpoint.location=" + checkpoint.toUri(),
                "--set", "spark.trigger=available-now", "--set", "spark.master=local[2]",
                "--set", "spark.max.files.per.trigger=4", "--set", "web.enabled=false",
                "--set", "spark.shuffle.partitions=" + Integer.getInteger("bench.shuffle.partitions", 4),
                "--set", "warehouse.jdbc.url=" + jdbcUrl), Map.of());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * 100 vehicles x 8 functions, one call per group every 16 s of event time (a live fleet: groups advance together,
     * so the watermark, one per query, is fair to all of them; independent random walks drifted more than the allowed
     * lateness apart and quarantined events late); returns landed gz bytes.
     */
    private static long land(Path lake, int events, int perFile, List<String> callsCsv) throws Exception {
        var random = new SplittableRandom(7);
        Instant base = Instant.parse("2020-01-01T00:00:00Z");
        int groups = 800;
        var lines = new ArrayList<String>(perFile);
        long bytes = 0;
        int file = 0;
        var ts = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
        for (int i = 0; i < events / 2; i++) {
            int g = i % groups;
            String vehicle = "V" + (g / 8);
            String function = "f" + (g % 8);
            long slotMicros = (long) (i / groups) * 16_000_000L;
            Instant start = base.plusNanos((slotMicros + random.nextInt(10_000_000)) * 1000);
            long micros = 1000 + random.nextInt(2_000_000);
            Instant end = start.plusNanos(micros * 1000);
            String id = "c" + i;
            lines.add(json(id, vehicle, function, EventType.START, start));
            lines.add(json("e" + i, vehicle, function, EventType.END, end));
            callsCsv.add(id + "," + vehicle + "," + function + "," + ts.format(start) + "," + ts.format(end) + ","
                    + BigDecimal.valueOf(micros, 6).toPlainString() + ",0,"
                    + LocalDate.ofInstant(start, ZoneOffset.UTC) + "\n");
            if (lines.size() >= perFile) {
                bytes += write(lake, file++, lines);
                lines.clear();
            }
        }
        if (!lines.isEmpty()) {
            bytes += write(lake, file, lines);
        }
        return bytes;
    }

    private static String json(String id, String vehicle, String function, EventType type, Instant at) {
        return new String(VehicleEventJson.encode(new VehicleEvent(id, vehicle, function, type, at, null, "bench",
                at.plusSeconds(1))), StandardCharsets.UTF_8);
    }

    private static long write(Path lake, int n, List<String> lines) throws Exception {
        Path file = lake.resolve(LandingLayout.objectKey(LandingLayout.DEFAULT_TOPICS_DIR, Topics.VEHICLE_EVENTS,
                LocalDate.parse("2020-01-01"), 0, (long) n * 1_000_000, LandingLayout.JSONL_GZ));
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return Files.size(file);
    }
}
