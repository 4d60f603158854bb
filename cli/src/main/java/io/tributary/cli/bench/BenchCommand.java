package io.tributary.cli.bench;

import io.tributary.cli.DurationConverter;
import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StackConfigs;
import io.tributary.cli.pipeline.DeadLetters;
import io.tributary.cli.pipeline.LocalPipeline;
import io.tributary.cli.pipeline.ProgressTicker;
import io.tributary.events.Topics;
import io.tributary.producers.fleet.FleetRun;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.producers.fleet.FleetTruth;
import io.tributary.producers.fleet.FunctionCatalogue;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.stack.LocalStack;
import io.tributary.stack.LocalStackConfig;
import io.tributary.stack.StackListener;
import io.tributary.stack.StackServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/** {@code tributary bench}: end-to-end throughput of the whole pipeline on the local stack, against no-logic baselines. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the pipeline end to end on a fresh local stack: publish simulated vehicle lines as fast as Kafka takes them,"
                + " wait until every call is queryable, report MB/s and events/s end to end and per stage, peak memory and CPU per process,"
                + " and no-logic baselines (Kafka producer, S3 multipart PUT, PostgreSQL COPY) measured on the same servers.",
                "Writes bench-results.json. Exit code: 0 when the warehouse matched the simulator, 1 when not, 2 on bad options."})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--mode", description = "throughput (freshness is not implemented yet) (default: ${DEFAULT-VALUE}).",
            defaultValue = "throughput")
    String mode;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Amount amount = new Amount();

    static final class Amount {
        @Option(names = "--events", description = "Vehicle log lines to publish (default: 400000 when --bytes is not given).")
        Long events;

        @Option(names = "--bytes", description = "Raw log bytes to publish, e.g. 500MB, 1GB (decimal units).",
                converter = SizeParser.class)
        Long bytes;
    }

    @Option(names = "--trigger", description = "Spark micro-batch interval (default: ${DEFAULT-VALUE}).",
            defaultValue = "10s", converter = DurationConverter.class)
    Duration trigger;

    @Option(names = "--partitions", description = "Partitions per topic (default: ${DEFAULT-VALUE}).", defaultValue = "4")
    int partitions;

    @Option(names = "--vehicles", description = "Simulated vehicles (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    int vehicles;

    @Option(names = "--seed", description = "Simulator seed (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--timeout", description = "Give up when the warehouse is not complete after this long (default: ${DEFAULT-VALUE}).",
            defaultValue = "30m", converter = DurationConverter.class)
    Duration timeout;

    @Option(names = "--data-dir", description = "Data of the bench stack; wiped at start (default: .tributary/bench).")
    Path dataDir;

    @Option(names = "--output", description = "Where to write the JSON results (default: ${DEFAULT-VALUE}).",
            defaultValue = "bench-results.json")
    Path output;

    @Option(names = "--no-baselines", description = "Skip the no-logic baselines.")
    boolean noBaselines;

    @Override
    public Integer call() throws Exception {
        if (!"throughput".equals(mode)) {
            throw new UserFacingException("--mode " + mode + " is not supported yet: only --mode throughput is implemented");
        }
        if (partitions < 1 || vehicles < 1 || trigger.isZero() || trigger.isNegative()) {
            throw new UserFacingException("--partitions and --vehicles must be >= 1 and --trigger positive");
        }
        PrintStream out = System.out;
        Instant startedAt = Instant.now();
        FleetSpec spec = new FleetSpec(seed, vehicles, targetEvents(), startedAt.truncatedTo(ChronoUnit.SECONDS),
                FunctionCatalogue.standard(), false);
        long rawBytes = rawBytes(spec);
        out.printf("Workload: %,d vehicle lines, %.1f MB of raw lines (seed %d, %d vehicles).%n",
                spec.targetEvents(), rawBytes / 1e6, seed, vehicles);

        LocalStackConfig stackConfig = StackConfigs.localStack(config, dataDir, Path.of(".tributary/bench"), true);
        out.println("Starting the local stack (data in " + stackConfig.dataDir().toAbsolutePath() + ") ...");
        var printer = new Printer(out);
        try (LocalStack stack = LocalStack.start(stackConfig, printer)) {
            var options = new LocalPipeline.Options(trigger, partitions, stack.dataDir().resolve("pipeline"),
                    Duration.ofSeconds(5));
            LocalPipeline pipeline;
            try {
                pipeline = LocalPipeline.start(stack, options, printer);
            } catch (RuntimeException e) {
                throw new UserFacingException("a pipeline stage did not start: " + e.getMessage()
                        + " (server logs in " + stack.dataDir().resolve("logs") + ")", e);
            }
            try (pipeline) {
                if (!noBaselines) {
                    Baselines.createProduceTopic(pipeline.admin(), partitions);
                }
                BenchResult result = run(out, stack, pipeline, spec, rawBytes, startedAt);
                BenchReport.print(result, out);
                result.write(output);
                out.println();
                out.println("Results written to " + output.toAbsolutePath());
                return result.endToEnd().correct() ? 0 : 1;
            }
        }
    }

    private long targetEvents() {
        if (amount.bytes != null) {
            // the simulator's lines have a stable mean size: a small sample with the same seed sizes the run
            var sample = new FleetSpec(seed, vehicles, 20_000, FleetSpec.DEFAULT_START, FunctionCatalogue.standard(), false);
            long sampleBytes = rawBytes(sample);
            double perEvent = (double) sampleBytes / 20_000;
            return Math.max(2, Math.round(amount.bytes / perEvent / 2) * 2);
        }
        long events = amount.events == null ? 400_000 : amount.events;
        if (events < 2) {
            throw new UserFacingException("--events must be at least 2 (one call), got " + events);
        }
        return events;
    }

    /** UTF-8 bytes of every line the simulator will publish; the simulator is deterministic, so a dry run counts them. */
    static long rawBytes(FleetSpec spec) {
        var bytes = new AtomicLong();
        new FleetSimulator(spec).generate(line -> bytes.addAndGet(line.line().getBytes(StandardCharsets.UTF_8).length));
        return bytes.get();
    }

    private BenchResult run(PrintStream out, LocalStack stack, LocalPipeline pipeline, FleetSpec spec, long rawBytes,
                            Instant startedAt) throws Exception {
        long calls = spec.targetEvents() / 2;
        var watch = new StageWatch(pipeline, spec.targetEvents(), calls, partitions);
        var progress = new BenchProgress(stack, pipeline, watch, spec.targetEvents(), calls);
        Map<String, Long> cpuBefore = progress.cpuTicks();
        out.printf("Publishing %,d lines to %s as fast as Kafka takes them ...%n", spec.targetEvents(), Topics.VEHICLE_LOGS_RAW);
        long t0 = System.nanoTime();
        long produceDone;
        FleetTruth truth;
        Thread poller = startPoller(watch);
        try (var ticker = new ProgressTicker(out, Duration.ofSeconds(3), progress)) {
            try (var publisher = new LogPublisher(LogPublisherConfig.of(Map.of(
                    LogPublisherConfig.BOOTSTRAP_SERVERS, stack.endpoints().kafkaBootstrap())))) {
                truth = FleetRun.publish(new FleetSimulator(spec), publisher, Topics.VEHICLE_LOGS_RAW, 0,
                        p -> progress.produced.set(p.acknowledged()));
            }
            produceDone = System.nanoTime();
            progress.produced.set(truth.events());
            awaitLoaded(stack, pipeline, watch, t0);
        } finally {
            poller.interrupt();
            poller.join(5_000);
        }
        progress.sampleMemory();
        Map<String, Long> cpuAfter = progress.cpuTicks();
        long deadLetters = DeadLetters.count(stack.endpoints().kafkaBootstrap());
        long rows = pipeline.callsLoaded();
        boolean correct = rows == truth.completeCalls() && deadLetters == 0;
        double seconds = (watch.loadedNanos - t0) / 1e9;
        var endToEnd = new BenchResult.EndToEnd(seconds, rawBytes / 1e6 / seconds, truth.events() / seconds, correct,
                rows, truth.completeCalls(), deadLetters);
        out.printf("Pipeline done in %.1f s (%s). Measuring the no-logic baselines on the same servers ...%n",
                seconds, correct ? "warehouse matches the simulator" : "warehouse does NOT match the simulator");

        var baselines = noBaselines ? new BenchBaselines() : BenchBaselines.measure(out, stack, pipeline, spec,
                truth.completeCalls(), rawBytes, partitions);
        var stages = new StageTable(t0, rawBytes, truth.events())
                .add("produce", "every line acknowledged by Kafka (acks=all)", produceDone, baselines.produce)
                .add("streams", "parsed + dead-lettered = lines published", watch.streamsDoneNanos, baselines.passThrough)
                .add("sink", "every committed vehicle.events offset landed in S3", watch.landedNanos, baselines.s3)
                .add("spark+load", "warehouse rows = calls emitted", watch.loadedNanos, baselines.copy)
                .stages();
        return new BenchResult("throughput", startedAt.toString(), BenchResult.Machine.current(),
                new BenchResult.Workload(truth.events(), truth.completeCalls(), rawBytes, partitions,
                        trigger.toSeconds() + "s"),
                endToEnd, stages, baselines.all(), ProcessUsageTable.of(progress.memory.peakMib(), cpuBefore, cpuAfter),
                BenchBaselines.NOT_MEASURED);
    }

    private static Thread startPoller(StageWatch watch) {
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (watch.poll()) {
                        return;
                    }
                    Thread.sleep(200); // polling counters of live servers from a CLI loop, not a test
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a slow or failed probe is retried on the next poll; the main loop enforces the timeout
                }
            }
        }, "bench-stage-watch");
        poller.setDaemon(true);
        poller.start();
        return poller;
    }

    private void awaitLoaded(LocalStack stack, LocalPipeline pipeline, StageWatch watch, long t0)
            throws InterruptedException {
        long deadline = t0 + timeout.toNanos();
        while (watch.loadedNanos == 0) {
            // a server that died makes the run hang until the timeout: fail at once and say which one
            for (var server : stack.servers().entrySet()) {
                if (!server.getValue().isAlive()) {
                    throw new UserFacingException("the " + server.getKey().id() + " server (pid "
                            + server.getValue().pid() + ") stopped during the run (exit code "
                            + server.getValue().exitCode().orElse(-1) + "); its log: " + server.getValue().logFile()
                            + "\n" + server.getValue().logTail(20));
                }
            }
            if (!pipeline.sparkJob().isAlive()) {
                throw new UserFacingException("the Spark micro-batch stopped (exit code "
                        + pipeline.sparkJob().exitCode().orElse(-1) + "); its log: " + pipeline.sparkJob().logFile()
                        + "\n" + pipeline.sparkJob().logTail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new UserFacingException("the warehouse is not complete after " + timeout + "; last counts: "
                        + watch.last.get() + " (logs in the data directory)");
            }
            Thread.sleep(100); // waiting for the poller from a CLI loop, not a test
        }
    }

    /** Prints servers and stages as they come up. */
    private record Printer(PrintStream out) implements StackListener, LocalPipeline.StageListener {
        @Override
        public void ready(StackServer server, String address, Duration took, long pid) {
            out.printf("  ready  %-18s %-45s %5.1f s  (pid %d)%n", server.id(), address, took.toMillis() / 1000.0, pid);
        }

        @Override
        public void started(String stage, String detail) {
            out.printf("  ready  %-18s %s%n", stage, detail);
        }
    }
}
