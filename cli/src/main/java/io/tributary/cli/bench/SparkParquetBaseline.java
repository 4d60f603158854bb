package io.tributary.cli.bench;

import io.tributary.stack.PipelineStack;
import io.tributary.stack.process.ManagedProcess;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs spark-batch's {@code RawJsonToParquet} in a Spark JVM of its own (Spark cannot share a JVM with the CLI's
 * Connect/s3proxy classpath) on the data the run landed, and reads back its timings: one baseline per topic.
 */
final class SparkParquetBaseline {
    static final String MAIN_CLASS = "io.tributary.batch.bench.RawJsonToParquet";

    private SparkParquetBaseline() {
    }

    /**
     * @param jobConfig the pipeline's Spark job properties (S3 endpoint and keys)
     * @param rawBytes        raw line bytes per topic, so each rate is in the same units as the stages
     * @param totalRecords    records per topic in all of the run: a sample's raw bytes are its share of them
     * @param maxLandedBytes  the landed objects read per topic stop after this many bytes (a sample)
     * @return one baseline per topic, in the order given
     */
    static List<BenchResult.Baseline> run(PipelineStack stack, Path jobConfig, Map<String, Long> rawBytes,
                                          Map<String, Long> totalRecords, long maxLandedBytes, Path workDir)
            throws InterruptedException {
        Path result = workDir.resolve("spark-baseline.properties");
        List<String> args = new ArrayList<>(List.of("--config", jobConfig.toString(), "--result", result.toString(),
                "--max-landed-bytes", Long.toString(maxLandedBytes)));
        rawBytes.keySet().forEach(topic -> {
            args.add("--topic");
            args.add(topic);
        });
        try {
            Files.createDirectories(workDir);
            Files.deleteIfExists(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess process = stack.startSparkMain(MAIN_CLASS, args);
        var exit = process.waitFor(Duration.ofMinutes(20));
        if (exit.isEmpty()) {
            process.stop(Duration.ofSeconds(10));
            throw new IllegalStateException("the Spark baseline did not finish in 20 min; log " + process.logFile());
        }
        Properties props = read(result, process);
        if (exit.getAsInt() != 0) {
            throw new IllegalStateException("the Spark baseline exited " + exit.getAsInt() + " ("
                    + props.getProperty("error", "no error recorded") + "); log " + process.logFile() + "\n"
                    + process.logTail(20));
        }
        return parse(props, rawBytes, totalRecords);
    }

    /** One baseline per topic from the main class's result properties. */
    static List<BenchResult.Baseline> parse(Properties props, Map<String, Long> rawBytes,
                                            Map<String, Long> totalRecords) {
        List<BenchResult.Baseline> baselines = new ArrayList<>();
        new LinkedHashMap<>(rawBytes).forEach((topic, bytes) -> {
            String seconds = props.getProperty(topic + ".seconds");
            if (seconds == null) {
                throw new IllegalStateException("the Spark baseline reported nothing for " + topic);
            }
            double s = Math.max(1e-9, Double.parseDouble(seconds));
            long records = Long.parseLong(props.getProperty(topic + ".records", "0"));
            long landed = Long.parseLong(props.getProperty(topic + ".landed_bytes", "0"));
            long all = totalRecords.getOrDefault(topic, records);
            long sampleBytes = all <= 0 || records >= all ? bytes : BenchBaselines.sampleBytes(bytes, records, all);
            baselines.add(new BenchResult.Baseline(name(topic), String.format(
                    "Spark read JSON (explicit schema) -> write parquet, %.1f MB gz landed", landed / 1e6),
                    records, sampleBytes, s, sampleBytes / 1e6 / s, records / s));
        });
        return baselines;
    }

    static String name(String topic) {
        return "spark json->parquet " + topic;
    }

    private static Properties read(Path file, ManagedProcess process) {
        var props = new Properties();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the Spark baseline wrote no result; log " + process.logFile() + "\n"
                    + process.logTail(20));
        }
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
