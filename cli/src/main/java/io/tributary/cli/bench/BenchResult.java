package io.tributary.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one bench run, written as {@code bench-results.json} (snake_case). Stable fields that runs are
 * compared on: {@code end_to_end.mb_per_s}, {@code end_to_end.events_per_s}, {@code end_to_end.correct},
 * {@code stages[].name|mb_per_s|baseline_mb_per_s|ratio}, and in freshness mode
 * {@code freshness.<table>.p50_s|p95_s|p99_s|max_s}.
 *
 * @param freshness latency percentiles per table (freshness mode), null in throughput mode
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BenchResult(String mode, String startedAt, Machine machine, Workload workload, EndToEnd endToEnd,
                          List<Stage> stages, List<Baseline> baselines, Map<String, ProcessUsage> processes,
                          Map<String, Latency> freshness, List<String> notMeasured) {

    /** The machine the run happened on. */
    public record Machine(int cores, long memoryBytes, String jvm, String os) {
        static Machine current() {
            long memory = 0;
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                memory = os.getTotalMemorySize();
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

    /**
     * What was pushed through: raw log lines (bytes = UTF-8 bytes of the lines, no keys or headers), split by the mix.
     *
     * @param events        raw lines of both simulators
     * @param vehicleEvents fleet lines (START and END events)
     * @param calls         calls the fleet emitted (rows expected in log_functions_analysis)
     * @param webRequests   access-log lines (rows expected in web_requests)
     * @param rateMbPerS    freshness mode: the fixed publish rate; null in throughput mode
     * @param durationS     freshness mode: how long it published; null in throughput mode
     */
    public record Workload(long events, long vehicleEvents, long calls, long webRequests, long rawBytes,
                           long vehicleBytes, long webBytes, String mix, int partitions, String trigger,
                           Double rateMbPerS, Double durationS) {
    }

    /**
     * First publish to last row queryable. {@code correct}: every check of the warehouse against the simulators'
     * ground truth holds ({@code checks}), which includes no dead letter and no quarantined event.
     */
    public record EndToEnd(double seconds, double mbPerS, double eventsPerS, boolean correct, long deadLetters,
                           List<Check> checks) {
    }

    /** A figure of the warehouse compared with the ground truth. */
    public record Check(String name, long expected, long actual, boolean ok) {
    }

    /**
     * Event-to-queryable latency of one table's rows in seconds (freshness mode).
     *
     * @param measures what one row's latency is, e.g. {@code loaded_at - end_time}
     */
    public record Latency(long rows, double p50S, double p95S, double p99S, double maxS, double meanS,
                          String measures) {
    }

    /**
     * One stage's throughput over the run: the raw bytes divided by the time from the first publish until this stage
     * had handled everything. {@code baselineMbPerS} is the no-logic baseline in the same raw-byte units, null when
     * none was measured for this stage; {@code ratio = mbPerS / baselineMbPerS}.
     */
    public record Stage(String name, String doneWhen, double secondsFromStart, double secondsAfterPrevious,
                        double mbPerS, double eventsPerS, String baseline, Double baselineMbPerS, Double ratio) {
    }

    /** A no-logic measurement on the same servers. {@code mbPerS} is in raw log-line bytes per second. */
    public record Baseline(String name, String method, long records, long bytes, double seconds, double mbPerS,
                           double recordsPerS) {
    }

    /** Per process over the measured run: peak resident set and CPU seconds (user + system, with reaped children). */
    public record ProcessUsage(long peakRssMib, double cpuSeconds) {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bench result as JSON", e);
        }
    }

    public void write(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, toJson() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The ratio of a stage to its baseline, null when there is no baseline. */
    static Double ratio(double mbPerS, Double baselineMbPerS) {
        return baselineMbPerS == null || baselineMbPerS <= 0 ? null : mbPerS / baselineMbPerS;
    }
}
