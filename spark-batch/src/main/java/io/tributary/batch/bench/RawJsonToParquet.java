package io.tributary.batch.bench;

import io.tributary.batch.BatchMain;
import io.tributary.batch.config.BatchConfig;
import io.tributary.batch.job.SparkSessions;
import io.tributary.batch.lake.LakePaths;
import io.tributary.events.Topics;
import io.tributary.events.VehicleEventSchema;
import io.tributary.events.WebRequestSchema;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The no-logic baseline of the Spark stage for {@code tributary bench}: reads a canonical topic's landed JSON
 * ({@code landing/<topic>/dt=…/*.jsonl.gz}) with the contract's schema given up front (times kept as text, as the job
 * reads them) and writes it unchanged as parquet to {@code bench/baseline-parquet/<topic>/}; the write (which lists,
 * reads, parses, encodes and uploads) is timed. No pairing, sessions, staging or warehouse.
 *
 * <p>{@code RawJsonToParquet [--config FILE] [--set k=v]... --topic vehicle.events --topic web.requests
 * [--max-landed-bytes N] --result FILE}
 * writes {@code <topic>.seconds}, {@code <topic>.records}, {@code <topic>.landed_bytes} per topic to FILE. Exit code
 * 0 when every topic was converted, 1 otherwise, 2 on bad arguments.
 */
public final class RawJsonToParquet {
    private static final Logger LOG = LoggerFactory.getLogger(RawJsonToParquet.class);
    private static final Map<String, String> CONTRACTS = Map.of(
            Topics.VEHICLE_EVENTS, VehicleEventSchema.DDL,
            Topics.WEB_REQUESTS, WebRequestSchema.DDL);

    private RawJsonToParquet() {
    }

    public static void main(String[] args) {
        List<String> jobArgs = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        java.nio.file.Path result = null;
        long maxLandedBytes = Long.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--topic" -> topics.add(value(args, ++i));
                case "--max-landed-bytes" -> maxLandedBytes = Long.parseLong(value(args, ++i));
                case "--result" -> result = java.nio.file.Path.of(value(args, ++i));
                default -> jobArgs.add(args[i]);
            }
        }
        if (result == null || topics.isEmpty() || !CONTRACTS.keySet().containsAll(topics)) {
            System.err.println("usage: RawJsonToParquet [--config FILE] [--set k=v]... --topic T... --result FILE;"
                    + " topics: " + CONTRACTS.keySet() + ", got " + topics);
            System.exit(2);
            return;
        }
        BatchConfig config = BatchMain.parse(jobArgs, System.getenv());
        SparkSession spark = SparkSessions.forBatch(config);
        int exit = 0;
        var out = new Properties();
        try {
            LakePaths lake = LakePaths.of(config);
            for (String topic : topics) {
                warmUp(spark, lake, topic);
            }
            for (String topic : topics) {
                convert(spark, lake, topic, maxLandedBytes, out);
            }
        } catch (Exception e) {
            LOG.error("the raw JSON -> parquet baseline failed", e);
            out.setProperty("error", String.valueOf(e.getMessage()));
            exit = 1;
        } finally {
            spark.stop();
        }
        try (Writer w = Files.newBufferedWriter(result)) {
            out.store(w, "tributary bench: raw Spark JSON -> parquet baseline");
        } catch (IOException e) {
            LOG.error("cannot write {}", result, e);
            exit = 1;
        }
        System.exit(exit);
    }

    /**
     * Converts one landed object of the topic, untimed, so the timed runs do not pay for class loading and JIT
     * compilation of the JSON reader, the parquet writer and S3A (measured: the first of two topics took ~8x longer
     * per record than the second without it).
     */
    private static void warmUp(SparkSession spark, LakePaths lake, String topic) throws IOException {
        String input = landing(lake, topic);
        FileSystem fs = FileSystem.get(URI.create(input), spark.sparkContext().hadoopConfiguration());
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(new Path(input), true);
        if (files.hasNext()) {
            spark.read().schema(schema(CONTRACTS.get(topic))).json(files.next().getPath().toString()).write()
                    .mode(SaveMode.Overwrite).parquet(lake.root() + "/bench/baseline-parquet/_warmup/" + topic + "/");
        }
    }

    private static String landing(LakePaths lake, String topic) {
        return topic.equals(Topics.VEHICLE_EVENTS) ? lake.vehicleEventsLanding() : lake.webRequestsLanding();
    }

    /** Converts the topic's landed objects, in name order until {@code maxLandedBytes} (a sample of a large run). */
    private static void convert(SparkSession spark, LakePaths lake, String topic, long maxLandedBytes, Properties out)
            throws IOException {
        String input = landing(lake, topic);
        String output = lake.root() + "/bench/baseline-parquet/" + topic + "/";
        List<LocatedFileStatus> files = landedFiles(spark, input);
        var sample = new ArrayList<String>();
        long landedBytes = 0;
        for (LocatedFileStatus file : files) {
            if (landedBytes >= maxLandedBytes) {
                break;
            }
            sample.add(file.getPath().toString());
            landedBytes += file.getLen();
        }
        if (sample.isEmpty()) {
            throw new IllegalStateException("nothing landed under " + input);
        }
        long t0 = System.nanoTime();
        spark.read().schema(schema(CONTRACTS.get(topic))).option("basePath", input)
                .json(sample.toArray(String[]::new)).write().mode(SaveMode.Overwrite).parquet(output);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long records = spark.read().parquet(output).count();
        LOG.info("{}: {} records from {} of {} landed objects ({} bytes), JSON -> parquet in {} s", topic, records,
                sample.size(), files.size(), landedBytes, seconds);
        out.setProperty(topic + ".seconds", Double.toString(seconds));
        out.setProperty(topic + ".records", Long.toString(records));
        out.setProperty(topic + ".landed_bytes", Long.toString(landedBytes));
    }

    /** The contract's columns with timestamps as text (the job casts them later), plus the landing date. */
    static StructType schema(String ddl) {
        return new StructType(Arrays.stream(StructType.fromDDL(ddl).fields())
                .map(f -> f.dataType().equals(DataTypes.TimestampType)
                        ? new StructField(f.name(), DataTypes.StringType, true, f.metadata()) : f)
                .toArray(StructField[]::new))
                .add("dt", DataTypes.StringType, true);
    }

    /** Landed objects (not S3A directory markers) in name order. */
    private static List<LocatedFileStatus> landedFiles(SparkSession spark, String dir) throws IOException {
        FileSystem fs = FileSystem.get(URI.create(dir), spark.sparkContext().hadoopConfiguration());
        var files = new ArrayList<LocatedFileStatus>();
        RemoteIterator<LocatedFileStatus> listing = fs.listFiles(new Path(dir), true);
        while (listing.hasNext()) {
            LocatedFileStatus file = listing.next();
            if (file.getPath().getName().endsWith(".jsonl.gz")) {
                files.add(file);
            }
        }
        files.sort(java.util.Comparator.comparing(f -> f.getPath().toString()));
        return files;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("missing value after " + args[i - 1]);
            System.exit(2);
        }
        return args[i];
    }
}
