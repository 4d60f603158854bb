package io.tributary.cli.bench;

import io.tributary.producers.publish.LogPublisherConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer perf test ({@code org.apache.kafka.tools.ProducerPerformance}, what
 * {@code kafka-producer-perf-test.sh} runs) in a JVM of its own, with the publisher's producer settings (acks=all,
 * idempotence, lz4, linger, batch size), sending randomly chosen lines of the workload (same sizes, same mix) to a
 * topic with the pipeline's partition count. Records have no key (the tool sends none).
 */
final class ProducerPerfBaseline {
    static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";
    /** The tool's closing line, e.g. {@code 400000 records sent, 250000.0 records/sec (10.49 MB/sec), …}. */
    private static final Pattern TOTAL = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency");
    private static final Set<String> TOOL_OWNED = Set.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerConfig.CLIENT_ID_CONFIG);
    private static final int PAYLOAD_LINES = 50_000;
    /** Fewer records measure mostly the tool's start (metadata, producer id, a cold JIT): at least this many. */
    static final long MIN_RECORDS = 1_000_000;

    /**
     * Records to send: as many as the run published, at least {@link #MIN_RECORDS}, at most what {@code capBytes}
     * holds at the mean line size (the payloads are resent at random, so the count is free of the run's size).
     */
    static long records(long runLines, double meanLineBytes, long capBytes) {
        long cap = Math.max(1, (long) (capBytes / Math.max(1.0, meanLineBytes)));
        return Math.min(Math.max(runLines, MIN_RECORDS), Math.max(cap, Math.min(runLines, MIN_RECORDS)));
    }

    private ProducerPerfBaseline() {
    }

    /** The figures of the tool's closing line; its MB are MiB (2^20 bytes). */
    record Total(long records, double recordsPerSecond, double mibPerSecond, double avgLatencyMs) {
        double mbPerSecond() {
            return mibPerSecond * 1024 * 1024 / 1e6;
        }
    }

    /** The last closing line in the tool's output, if any. */
    static Optional<Total> parse(String output) {
        Matcher m = TOTAL.matcher(output);
        Total last = null;
        while (m.find()) {
            last = new Total(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)));
        }
        return Optional.ofNullable(last);
    }

    /** The tool's arguments: producer props as the publisher sets them, minus what the tool sets itself. */
    static List<String> arguments(String bootstrap, String topic, long records, Path payloadFile) {
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(records),
                "--throughput", "-1", "--payload-file", payloadFile.toString(), "--producer-props"));
        Map<String, Object> props = LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS, bootstrap))
                .producerProperties();
        props.entrySet().stream()
                .filter(e -> !TOOL_OWNED.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> args.add(e.getKey() + "=" + e.getValue()));
        args.add(ProducerConfig.CLIENT_ID_CONFIG + "=tributary-bench-producer-perf");
        return args;
    }

    static BenchResult.Baseline run(String bootstrap, String topic, BaselineLines lines, long records, Path workDir)
            throws InterruptedException {
        try {
            Files.createDirectories(workDir);
            Path payload = lines.writePayloadFile(workDir.resolve("producer-perf-payload.txt"), PAYLOAD_LINES);
            Path log = workDir.resolve("producer-perf.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), MAIN_CLASS));
            command.addAll(arguments(bootstrap, topic, records, payload));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ProducerPerformance did not finish in 10 min; output in " + log);
            }
            String output = Files.readString(log);
            Total total = parse(output).orElseThrow(() -> new IllegalStateException("ProducerPerformance exited "
                    + process.exitValue() + " without its closing line; output in " + log));
            double meanBytes = (double) lines.valueBytes / Math.max(1, lines.size());
            double seconds = total.records() / Math.max(1e-9, total.recordsPerSecond());
            return new BenchResult.Baseline("kafka producer-perf-test",
                    String.format("ProducerPerformance, publisher settings, %,d payloads of the mix, no keys",
                            Math.min(PAYLOAD_LINES, lines.size())),
                    total.records(), Math.round(total.records() * meanBytes), seconds, total.mbPerSecond(),
                    total.recordsPerSecond());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ProducerPerformance: " + e.getMessage(), e);
        }
    }
}
