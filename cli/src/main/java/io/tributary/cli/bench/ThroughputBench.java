package io.tributary.cli.bench;

import io.tributary.cli.pipeline.Pipeline;
import io.tributary.stack.LocalStack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code --mode throughput}: both simulators publish as fast as Kafka takes them while every stage runs; each
 * stage's throughput is its raw bytes over the time until it had handled everything, compared with the no-logic
 * baselines measured afterwards on the same servers.
 */
final class ThroughputBench {
    private ThroughputBench() {
    }

    static BenchResult run(PrintStream out, LocalStack stack, Pipeline pipeline, Workload w, int partitions,
                           Duration trigger, Duration timeout, boolean baselines, Instant startedAt, Path workDir)
            throws InterruptedException {
        out.printf("Publishing %,d vehicle and %,d web lines as fast as Kafka takes them ...%n", w.vehicleEvents(),
                w.webLines());
        BenchRun.Outcome o = BenchRun.execute(out, stack, pipeline, w, null, partitions, timeout);
        out.printf("Pipeline done in %.1f s (%s).%n", o.seconds(),
                o.correct() ? "warehouse matches the simulators" : "warehouse does NOT match the simulators");
        BenchBaselines b = new BenchBaselines();
        if (baselines) {
            out.println("Measuring the no-logic baselines on the same servers ...");
            b = BenchBaselines.measure(out, stack, pipeline, w, o.calls(), o.webRequests(), partitions, workDir);
        }
        var watch = o.watch();
        var stages = new StageTable(o.startNanos(), w.rawBytes(), o.lines())
                .add("produce", "every line of both simulators acknowledged by Kafka (acks=all)",
                        o.published().doneNanos(), b.produce)
                .add("streams", "parsed + dead-lettered (+ duplicates) = lines published, both topologies",
                        watch.streamsDoneNanos, b.passThrough)
                .add("sink", "every committed offset of vehicle.events and web.requests landed in S3",
                        watch.landedNanos, b.s3);
        if (w.vehicleEvents() > 0) {
            stages.add("spark+load vehicle", "log_functions_analysis rows = calls emitted", watch.callsLoadedNanos,
                    w.vehicleBytes(), o.published().fleet().events(), StageTable.Reference.serial(
                            "spark json->parquet + copy (calls)", w.vehicleBytes(), b.sparkVehicle, b.copyCalls));
        }
        if (w.webLines() > 0) {
            stages.add("spark+load web", "web_requests rows = requests emitted, and their sessions", watch.webLoadedNanos,
                    w.webBytes(), o.webRequests(), StageTable.Reference.serial(
                            "spark json->parquet + copy (requests)", w.webBytes(), b.sparkWeb, b.copyWeb));
        }
        stages.add("spark+load", "every table complete", watch.loadedNanos(), w.rawBytes(), o.lines(),
                allSparkLoad(w, b));
        return new BenchResult("throughput", startedAt.toString(), BenchResult.Machine.current(),
                BenchRun.workload(w, o, partitions, trigger, null, null), BenchRun.endToEnd(w, o), stages.stages(),
                b.all(), BenchRun.processes(o), null, BenchBaselines.NOT_MEASURED);
    }

    /** Both tables' no-logic steps one after the other: the sum of their times on each part's bytes. */
    private static StageTable.Reference allSparkLoad(Workload w, BenchBaselines b) {
        double seconds = 0;
        if (w.vehicleEvents() > 0) {
            var v = StageTable.Reference.serial("", w.vehicleBytes(), b.sparkVehicle, b.copyCalls);
            if (v == null) {
                return null;
            }
            seconds += w.vehicleBytes() / 1e6 / v.mbPerS();
        }
        if (w.webLines() > 0) {
            var web = StageTable.Reference.serial("", w.webBytes(), b.sparkWeb, b.copyWeb);
            if (web == null) {
                return null;
            }
            seconds += w.webBytes() / 1e6 / web.mbPerS();
        }
        return seconds > 0 ? new StageTable.Reference("spark json->parquet + copy (all)", w.rawBytes() / 1e6 / seconds)
                : null;
    }
}
