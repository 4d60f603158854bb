package io.tributary.cli.bench;

import io.tributary.cli.UserFacingException;
import io.tributary.cli.pipeline.DeadLetters;
import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.ProgressTicker;
import io.tributary.stack.LocalStack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One measured run of either mode: publish the workload (as fast as possible or paced), watch every stage until the
 * warehouse holds every expected row, then check the warehouse against the ground truth. Progress every 3 s.
 */
final class BenchRun {
    /** Everything measured up to the last row, before any mode-specific figure. */
    record Outcome(MixedRun.Result published, long startNanos, StageWatch watch, BenchProgress progress,
                   Map<String, Long> cpuBefore, Map<String, Long> cpuAfter, long deadLetters,
                   List<BenchResult.Check> checks) {
        boolean correct() {
            return Correctness.allOk(checks);
        }

        double seconds() {
            return (watch.loadedNanos() - startNanos) / 1e9;
        }

        long calls() {
            return published.fleet().completeCalls();
        }

        long webRequests() {
            return published.web().lines();
        }

        long lines() {
            return published.fleet().events() + published.web().lines();
        }
    }

    private BenchRun() {
    }

    static Outcome execute(PrintStream out, LocalStack stack, Pipeline pipeline, Workload workload,
                           MixedRun.Pace pace, int partitions, Duration timeout) throws InterruptedException {
        long calls = workload.vehicleEvents() / 2;
        var watch = new StageWatch(pipeline, workload.vehicleEvents(), calls, workload.webLines(), partitions);
        var progress = new BenchProgress(stack, pipeline, watch, workload.lines(), calls + workload.webLines());
        Map<String, Long> cpuBefore = progress.cpuTicks();
        long t0 = System.nanoTime();
        MixedRun.Result published;
        Thread poller = startPoller(watch);
        try (var ticker = new ProgressTicker(out, Duration.ofSeconds(3), progress)) {
            published = MixedRun.publish(workload, stack.endpoints().kafkaBootstrap(), pace, progress.acked);
            if (published.fleet().completeCalls() != calls || published.web().lines() != workload.webLines()) {
                throw new IllegalStateException("the simulators emitted " + published.fleet().completeCalls()
                        + " calls and " + published.web().lines() + " requests, the plan said " + calls + " and "
                        + workload.webLines());
            }
            out.printf("Published %,d lines in %.1f s. Waiting until every row is queryable ...%n",
                    published.fleet().events() + published.web().lines(), (published.doneNanos() - t0) / 1e9);
            awaitLoaded(stack, pipeline, watch, t0, timeout);
        } finally {
            poller.interrupt();
            poller.join(5_000);
        }
        progress.sampleMemory();
        Map<String, Long> cpuAfter = progress.cpuTicks();
        long deadLetters = DeadLetters.count(stack.endpoints().kafkaBootstrap());
        Map<String, Long> expected = Correctness.expected(published.fleet(), published.web());
        var checks = Correctness.compare(expected, Correctness.observed(pipeline.probe(), deadLetters, expected));
        return new Outcome(published, t0, watch, progress, cpuBefore, cpuAfter, deadLetters, checks);
    }

    private static Thread startPoller(StageWatch watch) {
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (watch.poll()) {
                        return;
                    }
                    Thread.sleep(250); // polling counters of live servers from a CLI loop, not a test
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

    private static void awaitLoaded(LocalStack stack, Pipeline pipeline, StageWatch watch, long t0,
                                    Duration timeout) throws InterruptedException {
        long deadline = t0 + timeout.toNanos();
        while (watch.loadedNanos() == 0) {
            // a process that crashed too often makes the run hang until the timeout: fail at once and say which one
            var failed = pipeline.failedProcess();
            if (failed.isPresent()) {
                throw new UserFacingException(failed.get().name() + " crashed too often during the run ("
                        + failed.get().lastExit() + "); its log: " + failed.get().logFile() + "\n"
                        + failed.get().failureLog());
            }
            if (System.nanoTime() > deadline) {
                throw new UserFacingException("the warehouse is not complete after " + timeout + "; last counts: "
                        + watch.last.get() + " (logs in the data directory)");
            }
            Thread.sleep(100); // waiting for the poller from a CLI loop, not a test
        }
    }

    /** The run's workload figures for the result. */
    static BenchResult.Workload workload(Workload w, Outcome o, int partitions, Duration trigger, Double rateMbPerS,
                                         Double durationS) {
        return new BenchResult.Workload(o.lines(), o.published().fleet().events(), o.calls(), o.webRequests(),
                w.rawBytes(), w.vehicleBytes(), w.webBytes(), w.mix().toString(), partitions,
                DurationText.of(trigger), rateMbPerS, durationS);
    }

    static BenchResult.EndToEnd endToEnd(Workload w, Outcome o) {
        double seconds = o.seconds();
        return new BenchResult.EndToEnd(seconds, w.rawBytes() / 1e6 / seconds, o.lines() / seconds, o.correct(),
                o.deadLetters(), o.checks());
    }

    static Map<String, BenchResult.ProcessUsage> processes(Outcome o) {
        return ProcessUsageTable.of(o.progress().memory.peakMib(), o.cpuBefore(), o.cpuAfter());
    }

    /** Durations as people write them: 10s, 1m, 1m30s. */
    static final class DurationText {
        private DurationText() {
        }

        static String of(Duration d) {
            long s = d.toSeconds();
            if (s % 60 == 0 && s > 0) {
                return s / 60 + "m";
            }
            return s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
        }
    }
}
