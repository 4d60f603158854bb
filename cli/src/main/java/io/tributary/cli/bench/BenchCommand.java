package io.tributary.cli.bench;

import io.tributary.cli.DurationConverter;
import io.tributary.cli.StackPrinter;
import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StackConfigs;
import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.PipelineService;
import io.tributary.stack.LocalStack;
import io.tributary.stack.LocalStackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tributary bench}: the whole pipeline on a fresh local stack, end to end, against no-logic baselines. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the pipeline end to end on a fresh local stack with the fleet and web simulators publishing at once.",
                "--mode throughput: publish as fast as Kafka takes them, wait until every row is queryable, report MB/s and events/s end to end"
                        + " and per stage, peak memory and CPU per process, and no-logic baselines measured on the same servers"
                        + " (Kafka's producer perf test, consume+produce, S3 multipart PUT, Spark JSON->parquet, PostgreSQL COPY).",
                "--mode freshness: publish at --rate for --duration with event time = publish time, then report the event-to-queryable"
                        + " latency p50/p95/p99/max per table.",
                "Writes bench-results.json. Exit code: 0 when the warehouse matched the simulators' ground truth, 1 when not, 2 on bad options."})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--mode", description = "throughput or freshness (default: ${DEFAULT-VALUE}).",
            defaultValue = "throughput")
    String mode;

    @Option(names = "--events", description = "throughput: lines to publish, both simulators together (default: 400000 when --bytes is not given).")
    Long events;

    @Option(names = "--bytes", description = "throughput: raw log bytes to publish, e.g. 500MB, 1GB (decimal units).",
            converter = SizeParser.class)
    Long bytes;

    @Option(names = "--mix", description = "Shares of raw bytes per simulator, percentages adding up to 100 (default: ${DEFAULT-VALUE}).",
            defaultValue = "vehicle=50,web=50", converter = Mix.Converter.class)
    Mix mix;

    @Option(names = "--rate", description = "freshness: raw bytes per second of both simulators together, e.g. 2MB/s.",
            converter = SizeParser.PerSecond.class)
    Long rate;

    @Option(names = "--duration", description = "freshness: how long to publish, e.g. 10m.", converter = DurationConverter.class)
    Duration duration;

    @Option(names = "--trigger", description = "Spark micro-batch interval (default: 10s in throughput mode, 1m in freshness mode).",
            converter = DurationConverter.class)
    Duration trigger;

    @Option(names = "--partitions", description = "Partitions per topic (default: ${DEFAULT-VALUE}).", defaultValue = "4")
    int partitions;

    @Option(names = "--vehicles", description = "Simulated vehicles (default: 12 per partition). A multiple of the"
            + " partitions keeps them equally loaded; see bench/README.md, \"Partition skew\".")
    Integer vehicles;

    @Option(names = "--seed", description = "Simulator seed (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--timeout", description = "Give up when the warehouse is not complete this long after the first publish"
            + " (in freshness mode: after the end of publishing) (default: ${DEFAULT-VALUE}).",
            defaultValue = "30m", converter = DurationConverter.class)
    Duration timeout;

    @Option(names = "--data-dir", description = "Data of the bench stack; wiped at start (default: .tributary/bench).")
    Path dataDir;

    @Option(names = "--output", description = "Where to write the JSON results (default: ${DEFAULT-VALUE}).",
            defaultValue = "bench-results.json")
    Path output;

    @Option(names = "--no-baselines", description = "throughput: skip the no-logic baselines.")
    boolean noBaselines;

    @Override
    public Integer call() throws Exception {
        BenchOptions.validate(this);
        boolean freshness = mode.equals("freshness");
        Duration interval = trigger != null ? trigger : freshness ? Duration.ofMinutes(1) : Duration.ofSeconds(10);
        PrintStream out = System.out;
        int vehicles = vehiclesFor(this.vehicles, partitions, out);
        Instant startedAt = Instant.now();
        out.println("Sizing the workload (mix " + mix + ", seed " + seed + ") ...");
        double[] mean = Workload.meanLineBytes(seed, vehicles);
        WorkloadPlan plan = freshness
                ? WorkloadPlan.forBytes(Math.round(rate * (duration.toNanos() / 1e9)), mix, mean[0], mean[1])
                : bytes != null ? WorkloadPlan.forBytes(bytes, mix, mean[0], mean[1])
                : WorkloadPlan.forEvents(events == null ? 400_000 : events, mix, mean[0], mean[1]);
        Workload workload = Workload.of(plan, mix, seed, vehicles, startedAt);
        out.printf("Workload: %,d vehicle lines (%.1f MB, %,d calls) + %,d web lines (%.1f MB) = %.1f MB of raw lines.%n",
                workload.vehicleEvents(), workload.vehicleBytes() / 1e6, workload.vehicleEvents() / 2,
                workload.webLines(), workload.webBytes() / 1e6, workload.rawBytes() / 1e6);

        Map<String, String> loaded = config.load(System.getenv(), StackConfigs.WITH_STAGES);
        LocalStackConfig stackConfig = StackConfigs.localStack(loaded, dataDir, Path.of(".tributary/bench"), true);
        out.println("Starting the local stack (data in " + stackConfig.dataDir().toAbsolutePath() + ") ...");
        var options = new Pipeline.Options(interval, partitions, stackConfig.dataDir().resolve("pipeline"),
                stackConfig.dataDir().resolve("logs"), Duration.ofSeconds(5), "768m", "3g");
        PipelineService service;
        try {
            service = PipelineService.start(new PipelineService.Spec(stackConfig,
                    StackConfigs.stageKeys(loaded), options, -1),
                    new StackPrinter(out));
        } catch (RuntimeException e) {
            throw new UserFacingException("a pipeline stage did not start: " + e.getMessage()
                    + " (server logs in " + stackConfig.dataDir().resolve("logs") + ")", e);
        }
        try (service) {
            LocalStack stack = service.stack().orElseThrow();
            Pipeline pipeline = service.pipeline();
            BenchResult result;
            if (freshness) {
                result = FreshnessBench.run(out, stack, pipeline, workload, partitions, interval, timeout, rate,
                        duration, startedAt);
            } else {
                if (!noBaselines) {
                    Baselines.createProduceTopic(pipeline.admin(), partitions);
                }
                result = ThroughputBench.run(out, stack, pipeline, workload, partitions, interval, timeout,
                        !noBaselines, startedAt, stack.dataDir().resolve("baselines"));
            }
            BenchReport.print(result, out);
            result.write(output);
            out.println();
            out.println("Results written to " + output.toAbsolutePath());
            return result.endToEnd().correct() ? 0 : 1;
        }
    }

    /**
     * Kafka Streams consumes every partition at about the same records per second, so under a backlog a partition
     * with fewer vehicles advances faster in event time; Spark's one watermark then makes the slower partitions'
     * events late (50 vehicles over 4 partitions, 12 vs 13 each, drifted 10 minutes apart over a 1 GB run).
     */
    static int vehiclesFor(Integer requested, int partitions, PrintStream out) {
        if (requested == null) {
            return 12 * partitions;
        }
        if (requested % partitions != 0) {
            out.printf("Note: %d vehicles over %d partitions load them unequally; under a backlog the partitions drift"
                    + " apart in event time and may exceed the allowed lateness (events quarantined late).%n",
                    requested, partitions);
        }
        return requested;
    }
}
