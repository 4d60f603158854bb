package io.tributary.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.cli.TributaryCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchResultTest {

    private static BenchResult sample() {
        long t0 = 1_000_000_000L;
        var produce = new BenchResult.Baseline("kafka producer", "loop", 1000, 40_000_000, 1.0, 40.0, 1000);
        var stages = new StageTable(t0, 20_000_000, 400_000)
                .add("produce", "acked", t0 + 2_000_000_000L, produce)
                .add("streams", "parsed", t0 + 4_000_000_000L, null)
                .stages();
        Map<String, Long> before = Map.of("kafka jvm", 100L);
        Map<String, Long> after = new LinkedHashMap<>(Map.of("kafka jvm", 350L));
        return new BenchResult("throughput", "2026-11-21T14:00:00Z", new BenchResult.Machine(2, 24L << 30, "OpenJDK 17", "Linux"),
                new BenchResult.Workload(400_000, 300_000, 150_000, 100_000, 20_000_000, 12_000_000, 8_000_000,
                        "vehicle=60,web=40", 4, "10s", null, null),
                new BenchResult.EndToEnd(10.0, 2.0, 40_000, true, 0,
                        List.of(new BenchResult.Check("log_functions_analysis rows", 150_000, 150_000, true))),
                stages, List.of(produce), ProcessUsageTable.of(Map.of("kafka jvm", 512L), before, after), null,
                BenchBaselines.NOT_MEASURED);
    }

    private static BenchResult freshness() {
        var latency = new BenchResult.Latency(1000, 31.5, 62.25, 70.0, 75.125, 33.0, "loaded_at - end_time");
        return new BenchResult("freshness", "2026-11-21T14:00:00Z", new BenchResult.Machine(2, 24L << 30, "OpenJDK 17", "Linux"),
                new BenchResult.Workload(2_000, 1_000, 500, 1_000, 200_000, 100_000, 100_000, "vehicle=50,web=50", 4,
                        "1m", 2.0, 600.0),
                new BenchResult.EndToEnd(700.0, 0.3, 3, false, 2,
                        List.of(new BenchResult.Check("dead letters", 0, 2, false))),
                List.of(), List.of(), Map.of(), Map.of("log_functions_analysis", latency), List.of());
    }

    @Test
    void jsonKeepsTheStableFieldNamesRunsAreComparedOn() throws Exception {
        JsonNode json = new ObjectMapper().readTree(sample().toJson());

        assertThat(json.at("/end_to_end/mb_per_s").asDouble()).isEqualTo(2.0);
        assertThat(json.at("/end_to_end/events_per_s").asDouble()).isEqualTo(40_000);
        assertThat(json.at("/end_to_end/correct").isBoolean()).isTrue();
        assertThat(json.at("/end_to_end/correct").asBoolean()).isTrue();
        assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
        assertThat(json.at("/machine/memory_bytes").asLong()).isEqualTo(24L << 30);
        assertThat(json.at("/machine/jvm").asText()).isEqualTo("OpenJDK 17");
        JsonNode stages = json.get("stages");
        assertThat(stages.isArray()).isTrue();
        assertThat(stages.get(0).get("name").asText()).isEqualTo("produce");
        assertThat(stages.get(0).has("mb_per_s")).isTrue();
        assertThat(stages.get(0).has("baseline_mb_per_s")).isTrue();
        assertThat(stages.get(0).has("ratio")).isTrue();
        assertThat(json.at("/processes/kafka jvm/cpu_seconds").asDouble()).isEqualTo(2.5);
        assertThat(json.at("/processes/kafka jvm/peak_rss_mib").asLong()).isEqualTo(512);
    }

    @Test
    void freshnessFiguresAreUnderTheTableNameWithSecondsFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(freshness().toJson());

        assertThat(json.at("/freshness/log_functions_analysis/p50_s").asDouble()).isEqualTo(31.5);
        assertThat(json.at("/freshness/log_functions_analysis/p95_s").asDouble()).isEqualTo(62.25);
        assertThat(json.at("/freshness/log_functions_analysis/p99_s").asDouble()).isEqualTo(70.0);
        assertThat(json.at("/freshness/log_functions_analysis/max_s").asDouble()).isEqualTo(75.125);
        assertThat(json.at("/workload/rate_mb_per_s").asDouble()).isEqualTo(2.0);
        // a failed check says what was expected and what the warehouse held
        assertThat(json.at("/end_to_end/correct").asBoolean()).isFalse();
        assertThat(json.at("/end_to_end/checks/0/name").asText()).isEqualTo("dead letters");
        assertThat(json.at("/end_to_end/checks/0/actual").asLong()).isEqualTo(2);
        assertThat(json.at("/end_to_end/checks/0/ok").asBoolean()).isFalse();
        // throughput runs have no latencies: the field is there, as null
        assertThat(new ObjectMapper().readTree(sample().toJson()).get("freshness").isNull()).isTrue();
    }

    @Test
    void workloadRecordsTheMixAndEachPartsBytes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(sample().toJson());

        assertThat(json.at("/workload/mix").asText()).isEqualTo("vehicle=60,web=40");
        assertThat(json.at("/workload/vehicle_bytes").asLong()).isEqualTo(12_000_000);
        assertThat(json.at("/workload/web_bytes").asLong()).isEqualTo(8_000_000);
        assertThat(json.at("/workload/calls").asLong()).isEqualTo(150_000);
        assertThat(json.at("/workload/web_requests").asLong()).isEqualTo(100_000);
    }

    @Test
    void aStageIsItsRawBytesOverTheTimeToFinishAndItsRatioIsAgainstItsBaseline() throws Exception {
        JsonNode stages = new ObjectMapper().readTree(sample().toJson()).get("stages");

        // 20 MB of raw lines done 2 s after the first publish: 10 MB/s against a 40 MB/s baseline
        assertThat(stages.get(0).get("mb_per_s").asDouble()).isEqualTo(10.0);
        assertThat(stages.get(0).get("events_per_s").asDouble()).isEqualTo(200_000);
        assertThat(stages.get(0).get("baseline_mb_per_s").asDouble()).isEqualTo(40.0);
        assertThat(stages.get(0).get("ratio").asDouble()).isEqualTo(0.25);
        // a stage without a baseline keeps the fields, as null, so every run has the same shape
        assertThat(stages.get(1).get("mb_per_s").asDouble()).isEqualTo(5.0);
        assertThat(stages.get(1).get("seconds_after_previous").asDouble()).isEqualTo(2.0);
        assertThat(stages.get(1).get("baseline_mb_per_s").isNull()).isTrue();
        assertThat(stages.get(1).get("ratio").isNull()).isTrue();
    }

    @Test
    void writeCreatesTheFileWithTheSameJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/bench-results.json");
        sample().write(file);

        assertThat(new ObjectMapper().readTree(Files.readString(file)))
                .isEqualTo(new ObjectMapper().readTree(sample().toJson()));
    }

    @Test
    void badOptionsAreRejectedWithExitCode2WithoutStartingAStack() {
        CommandLine cli = TributaryCommand.commandLine();
        var err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("bench", "--mode", "latency")).isEqualTo(2);
        assertThat(err.toString()).contains("--mode must be throughput or freshness");
        assertThat(cli.execute("bench", "--mode", "freshness")).isEqualTo(2);
        assertThat(err.toString()).contains("--mode freshness needs --rate");
        assertThat(cli.execute("bench", "--events", "10", "--bytes", "1GB")).isEqualTo(2);
        assertThat(err.toString()).contains("give one");
        assertThat(cli.execute("bench", "--bytes", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("not a size");
        assertThat(cli.execute("bench", "--mix", "vehicle=70,web=20")).isEqualTo(2);
        assertThat(err.toString()).contains("--mix").contains("add up to 90, not 100");
        assertThat(cli.execute("bench", "--mode", "freshness", "--rate", "fast", "--duration", "1m")).isEqualTo(2);
        assertThat(err.toString()).contains("--rate").contains("not a rate");
        assertThat(cli.execute("bench", "--rate", "2MB/s")).isEqualTo(2);
        assertThat(err.toString()).contains("belong to --mode freshness");
    }
}
