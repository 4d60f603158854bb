package io.tributary.cli.chaos;

import io.tributary.cli.DurationConverter;
import io.tributary.cli.StackPrinter;
import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StackConfigs;
import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.PipelineService;
import io.tributary.cli.pipeline.ProgressTicker;
import io.tributary.stack.LocalStackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code tributary chaos}: the pipeline as {@code tributary run} runs it, on the embedded stack, while both simulators
 * publish with every fault injected; every process is killed with SIGKILL at a random point, then the whole service is
 * stopped and started again; the warehouse must then equal the simulators' ground truth exactly.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Fault test of the whole pipeline as a service: tributary run's wiring on a fresh embedded stack "
                + "(.tributary/chaos) while the fleet and web simulators publish with every fault (duplicates, "
                + "reordering, late and malformed lines) at --faults.",
                "Meanwhile, one after another at random points, kill -9: the Streams process, the Connect worker, the "
                        + "Spark job in the middle of a batch, the PostgreSQL server in the middle of a load, the Kafka "
                        + "broker and s3proxy; each must come back (the status page must show its restart). Then the "
                        + "whole service is stopped as Ctrl-C stops run, and started again on the same data.",
                "Finally the warehouse must equal the ground truth exactly (rows, calls per function, every call's "
                        + "vehicle, start, end and depth, requests per site, sessions), the dead-letter topic must "
                        + "hold every malformed line, and the canonical topics every event once (duplicates dropped).",
                "Prints how long each process took to come back. Exit code 0 when everything matches, 1 when not."})
public final class ChaosCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--lines", description = "Lines the two simulators publish in all, half each (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "1000000")
    long lines;

    @Option(names = "--rate", description = "Lines per second in all, so the kills fall while data flows (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "5000")
    double rate;

    @Option(names = "--faults", description = "Rate of every fault per line (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.01")
    double faults;

    @Option(names = "--seed", description = "Seed of the simulators and of the kill order (default: ${DEFAULT-VALUE}).",
            defaultValue = "7")
    long seed;

    @Option(names = "--trigger", converter = DurationConverter.class, description = "Spark micro-batch interval "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "10s")
    Duration trigger;

    @Option(names = "--timeout", converter = DurationConverter.class, description = "Give up when the warehouse is "
            + "not complete after this long (default: ${DEFAULT-VALUE}).", defaultValue = "15m")
    Duration timeout;

    @Option(names = "--data-dir", description = "Data of this run; wiped at start (default: .tributary/chaos).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        if (lines < 1000 || rate <= 0 || !(faults >= 0 && faults <= 0.1)) {
            throw new UserFacingException("--lines must be >= 1000, --rate > 0 and --faults within 0..0.1");
        }
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        Map<String, String> loaded = new LinkedHashMap<>(config.load(System.getenv(), StackConfigs.WITH_STAGES));
        // the status page samples every second, so a restart shows on it as soon as it happened
        loaded.putIfAbsent("monitor.poll.interval.ms", "1000");
        LocalStackConfig stack = StackConfigs.localStack(loaded, dataDir, Path.of(".tributary/chaos"), true);
        Path data = stack.dataDir();
        var options = new Pipeline.Options(trigger, 4, data.resolve("pipeline"), data.resolve("logs"),
                Duration.ofSeconds(5), "768m", "3g");
        var spec = new PipelineService.Spec(stack, StackConfigs.stageKeys(loaded), options, 0);
        out.println("Starting the pipeline as tributary run does (data in " + data + ") ...");
        var service = new AtomicReference<>(PipelineService.start(spec, new StackPrinter(out)));
        var rounds = new ArrayList<KillRound.Result>();
        ChaosChecks.Outcome outcome;
        try {
            String bootstrap = service.get().stack().orElseThrow().endpoints().kafkaBootstrap();
            var emitted = new CompletableFuture<ChaosPublisher.Emitted>();
            long vehicleLines = lines / 2;
            out.printf("Publishing %,d vehicle and %,d access-log lines at %,.0f lines/s with every fault at %.1f%% "
                    + "...%n", vehicleLines, lines - vehicleLines, rate, faults * 100);
            ChaosPublisher publisher = ChaosPublisher.start(bootstrap, seed, vehicleLines, lines - vehicleLines, rate,
                    faults, emitted);
            var progress = new ChaosProgress(service::get, publisher, lines);
            try (var ticker = new ProgressTicker(out, Duration.ofSeconds(10), progress)) {
                List<ChaosTarget> order = new ArrayList<>(List.of(ChaosTarget.values()));
                Collections.shuffle(order, new Random(seed));
                Random random = new Random(seed + 1);
                double publishSeconds = lines / rate;
                for (ChaosTarget target : order) {
                    // spread over the publishing window, so every kill falls while lines are in flight
                    Thread.sleep((long) (1000 * random.nextDouble() * publishSeconds / (order.size() + 2)));
                    KillRound.Result result = new KillRound(service.get(), target, out).run();
                    rounds.add(result);
                }
                out.println("Stopping the whole service as Ctrl-C stops tributary run, then starting it again ...");
                long restartT0 = System.nanoTime();
                service.get().close();
                service.set(PipelineService.start(new PipelineService.Spec(
                        StackConfigs.localStack(loaded, data, Path.of(".tributary/chaos"), false), spec.config(),
                        options, 0), new StackPrinter(out)));
                out.printf("  service back in %.1f s%n", (System.nanoTime() - restartT0) / 1e9);
                ChaosPublisher.Emitted truth = await(emitted, out);
                outcome = ChaosChecks.awaitAndCompare(service.get(), truth, t0 + timeout.toNanos(), out);
            }
        } finally {
            service.get().close();
        }
        ChaosReport.print(out, rounds, outcome, (System.nanoTime() - t0) / 1e9);
        return outcome.matches() && rounds.stream().allMatch(KillRound.Result::restartShown) ? 0 : 1;
    }

    private static ChaosPublisher.Emitted await(CompletableFuture<ChaosPublisher.Emitted> emitted, PrintStream out)
            throws InterruptedException {
        try {
            ChaosPublisher.Emitted truth = emitted.get();
            out.printf("Published everything: %,d vehicle lines, %,d access-log lines (faults included).%n",
                    truth.fleet().faults().published(), truth.web().faults().published());
            return truth;
        } catch (ExecutionException e) {
            throw new UserFacingException("publishing failed: " + e.getCause().getMessage(), e.getCause(), 1);
        }
    }
}
