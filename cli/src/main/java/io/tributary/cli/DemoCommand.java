package io.tributary.cli;

import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StackConfigs;
import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.PipelineService;
import io.tributary.cli.pipeline.PeakMemory;
import io.tributary.cli.pipeline.ProgressTicker;
import io.tributary.events.Topics;
import io.tributary.producers.fleet.FleetRun;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.producers.fleet.FleetTruth;
import io.tributary.producers.fleet.FunctionCatalogue;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.producers.web.WebTruth;
import io.tributary.stack.LocalStack;
import io.tributary.stack.LocalStackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/** {@code tributary demo}: the whole pipeline on the local stack, fed by the fleet simulator. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the local stack, run every stage, publish simulated vehicle logs and hotel-site access logs, and wait until every call and request is in the warehouse.",
                "Prints progress while it runs and a summary at the end; keeps the stack up for queries until Ctrl-C (or exits with --exit).",
                "Exit code: 0 when the warehouse holds exactly the emitted calls and requests, 1 when it does not, 2 on bad options or a stage that failed."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--events", description = "Vehicle log lines to publish (whole calls only) (default: ${DEFAULT-VALUE}).",
            defaultValue = "60000")
    long events;

    @Option(names = "--web-lines", description = "Access-log lines of the three hotel sites to publish alongside, paced to finish with the vehicle logs; 0 = none (default: ${DEFAULT-VALUE}).",
            defaultValue = "20000")
    long webLines;

    @Option(names = "--rate", description = "Vehicle lines per second (web lines follow in proportion); 0 = as fast as Kafka takes them (default: ${DEFAULT-VALUE}, about a minute of logs).",
            defaultValue = "1000")
    double rate;

    @Option(names = "--vehicles", description = "Simulated vehicles (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    int vehicles;

    @Option(names = "--seed", description = "Simulator seed: same seed, same logs (default: ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Option(names = "--trigger", description = "Spark micro-batch interval, e.g. 10s, 1m (default: ${DEFAULT-VALUE}).",
            defaultValue = "10s", converter = DurationConverter.class)
    Duration trigger;

    @Option(names = "--partitions", description = "Partitions per topic (default: ${DEFAULT-VALUE}).", defaultValue = "4")
    int partitions;

    @Option(names = "--timeout", description = "Give up when the warehouse is not complete after this long (default: ${DEFAULT-VALUE}).",
            defaultValue = "15m", converter = DurationConverter.class)
    Duration timeout;

    @Option(names = "--data-dir", description = "Data of this demo; wiped at start (default: .tributary/demo).")
    Path dataDir;

    @Option(names = "--status-port", description = "Port of the status page (/, /metrics, /health); a free port when taken (default: ${DEFAULT-VALUE}).",
            defaultValue = "8089")
    int statusPort;

    @Option(names = "--exit", description = "Stop everything after the summary instead of waiting for Ctrl-C.")
    boolean exit;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        // a demo starts from nothing, so rows loaded can be compared with what it emitted
        Map<String, String> loaded = config.load(System.getenv(), StackConfigs.WITH_STAGES);
        LocalStackConfig stackConfig = StackConfigs.localStack(loaded, dataDir, Path.of(".tributary/demo"), true);
        out.println("Starting the local stack (data in " + stackConfig.dataDir().toAbsolutePath() + ") ...");
        var printer = new StackPrinter(out);
        var options = new Pipeline.Options(trigger, partitions, stackConfig.dataDir().resolve("pipeline"),
                stackConfig.dataDir().resolve("logs"), Duration.ofSeconds(5), "768m", "3g");
        PipelineService service;
        try {
            service = PipelineService.start(new PipelineService.Spec(stackConfig,
                    StackConfigs.stageKeys(loaded), options, statusPort),
                    printer);
        } catch (RuntimeException e) {
            throw new UserFacingException("a pipeline stage did not start: " + e.getMessage()
                    + " (logs in " + stackConfig.dataDir().resolve("logs") + ")", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the pipeline and every server of the stack ...");
            service.close();
            out.println("Stopped.");
        }, "tributary-demo-shutdown"));
        LocalStack stack = service.stack().orElseThrow();
        double readySeconds = (System.nanoTime() - t0) / 1e9;
        out.printf("Stack and stages ready in %.1f s.%n", readySeconds);

        long pipelineStart = System.nanoTime();
        var memory = new PeakMemory();
        Pipeline pipeline = service.pipeline();
        Published published = publishAndWatch(out, new DemoProgress(service, memory), service,
                stack.endpoints().kafkaBootstrap());
        DemoSummary summary = DemoSummary.collect(pipeline, published.fleet(), published.web(), stack.endpoints(),
                Duration.ofNanos(System.nanoTime() - pipelineStart), readySeconds, memory.peakMib());
        summary.print(out);
        UpCommand.printEndpoints(out, stack.endpoints(), stack.dataDir());
        service.status().ifPresent(status -> out.println("  status page       " + status.url()));
        if (exit) {
            service.close();
            return summary.matches() ? 0 : 1;
        }
        out.println("The stack stays up for queries. Press Ctrl-C to stop every process.");
        new CountDownLatch(1).await();
        return 0;
    }


    private void validate() {
        if (events < 2) {
            throw new UserFacingException("--events must be at least 2 (one call), got " + events);
        }
        if (webLines < 0) {
            throw new UserFacingException("--web-lines must be >= 0 (0 = no web logs), got " + webLines);
        }
        if (rate < 0) {
            throw new UserFacingException("--rate must be >= 0 lines per second (0 = unthrottled), got " + rate);
        }
        if (vehicles < 1 || partitions < 1) {
            throw new UserFacingException("--vehicles and --partitions must be >= 1");
        }
        if (trigger.isZero() || trigger.isNegative()) {
            throw new UserFacingException("--trigger must be a positive duration such as 10s or 1m, got " + trigger);
        }
    }

    /** What the simulators emitted; {@code web} is null when no web lines were asked for. */
    private record Published(FleetTruth fleet, WebTruth web) {
    }

    private Published publishAndWatch(PrintStream out, DemoProgress progress, PipelineService service,
                                      String bootstrap) throws InterruptedException {
        Pipeline pipeline = service.pipeline();
        var spec = new FleetSpec(seed, vehicles, events, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                FunctionCatalogue.standard(), false);
        out.printf("Publishing %,d vehicle log lines from %d vehicles to %s%s ...%n", events, vehicles,
                Topics.VEHICLE_LOGS_RAW, rate > 0 ? String.format(" at %,.0f lines/s", rate) : "");
        CompletableFuture<WebTruth> web = webLines == 0 ? CompletableFuture.completedFuture(null)
                : publishWeb(out, progress, bootstrap);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var ticker = new ProgressTicker(out, Duration.ofSeconds(3), progress)) {
            FleetTruth truth;
            try (var publisher = new LogPublisher(LogPublisherConfig.of(Map.of(
                    LogPublisherConfig.BOOTSTRAP_SERVERS, bootstrap)))) {
                truth = FleetRun.publish(new FleetSimulator(spec), publisher, Topics.VEHICLE_LOGS_RAW, rate,
                        p -> progress.produced.set(p.acknowledged()));
            }
            progress.expectedCalls.set(truth.completeCalls());
            WebTruth webTruth = awaitWeb(web);
            long requests = webTruth == null ? 0 : webTruth.lines();
            progress.expectedRequests.set(requests);
            out.printf("Published %,d vehicle lines (%,d complete calls)%s. Waiting until every %s is in the warehouse ...%n",
                    truth.events(), truth.completeCalls(),
                    webTruth == null ? "" : String.format(" and %,d access-log lines", requests),
                    webTruth == null ? "call" : "call and request");
            while (pipeline.callsLoaded() < truth.completeCalls() || pipeline.webRequestsLoaded() < requests
                    || DemoWeb.Loaded.sessionRequests(pipeline.probe()) < requests) {
                var failed = pipeline.failedProcess();
                if (failed.isPresent()) {
                    throw new UserFacingException(failed.get().name() + " crashed too often and is no longer "
                            + "restarted (" + failed.get().lastExit() + "); its log: " + failed.get().logFile() + "\n"
                            + failed.get().failureLog());
                }
                if (System.nanoTime() > deadline) {
                    throw new UserFacingException("the warehouse is not complete after " + timeout
                            + "; last counts: " + pipeline.counts() + " (logs in the data directory)");
                }
                Thread.sleep(500); // polling a database from a CLI loop, not a test
            }
            progress.sampleMemory();
            return new Published(truth, webTruth);
        }
    }

    /** Starts publishing the web lines on a thread of their own, paced to take as long as the vehicle lines. */
    private CompletableFuture<WebTruth> publishWeb(PrintStream out, DemoProgress progress, String bootstrap) {
        double webRate = rate > 0 ? rate * webLines / events : 0;
        out.printf("Publishing %,d access-log lines of the hotel sites to %s%s ...%n", webLines, Topics.WEB_LOGS_RAW,
                webRate > 0 ? String.format(" at %,.0f lines/s", webRate) : "");
        return CompletableFuture.supplyAsync(() -> DemoWeb.publish(seed, webLines, bootstrap, webRate,
                        progress.webProduced),
                task -> new Thread(task, "tributary-demo-web").start());
    }

    private static WebTruth awaitWeb(CompletableFuture<WebTruth> web) throws InterruptedException {
        try {
            return web.get();
        } catch (ExecutionException e) {
            throw new UserFacingException("publishing the web lines failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
