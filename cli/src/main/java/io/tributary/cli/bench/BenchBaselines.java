package io.tributary.cli.bench;

import io.tributary.cli.pipeline.LocalPipeline;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.stack.LocalStack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The no-logic baselines of one run, each mapped to the stage it bounds; a failed baseline is reported, not fatal. */
final class BenchBaselines {
    /** Baselines and modes of the issue this version does not measure yet. */
    static final List<String> NOT_MEASURED = List.of(
            "raw Spark JSON->parquet baseline (spark+load is compared with PostgreSQL COPY only)",
            "--mode freshness (latency percentiles)",
            "--mix of web lines (vehicle lines only)");

    BenchResult.Baseline produce;
    BenchResult.Baseline passThrough;
    BenchResult.Baseline s3;
    BenchResult.Baseline copy;

    List<BenchResult.Baseline> all() {
        List<BenchResult.Baseline> all = new ArrayList<>();
        for (var b : new BenchResult.Baseline[] {produce, passThrough, s3, copy}) {
            if (b != null) {
                all.add(b);
            }
        }
        return all;
    }

    static BenchBaselines measure(PrintStream out, LocalStack stack, LocalPipeline pipeline, FleetSpec spec,
                                  long calls, long rawBytes, int partitions) throws InterruptedException {
        var b = new BenchBaselines();
        BaselineLines lines = BaselineLines.of(new FleetSimulator(spec), BaselineLines.DEFAULT_CAP_BYTES);
        if (lines.valueBytes < rawBytes) {
            out.printf("  (Kafka and S3 baselines use the first %.1f MB of the lines, to fit the heap)%n",
                    lines.valueBytes / 1e6);
        }
        var endpoints = stack.endpoints();
        try {
            b.produce = Baselines.kafkaProduce(endpoints.kafkaBootstrap(), pipeline.admin(), partitions, lines);
            out.printf("  kafka producer     %.2f MB/s%n", b.produce.mbPerS());
        } catch (RuntimeException e) {
            out.println("  kafka producer baseline failed: " + e.getMessage());
        }
        try {
            b.passThrough = Baselines.passThrough(endpoints.kafkaBootstrap(), io.tributary.events.Topics.VEHICLE_LOGS_RAW,
                    spec.targetEvents(), rawBytes);
            out.printf("  consume+produce    %.2f MB/s%n", b.passThrough.mbPerS());
        } catch (RuntimeException e) {
            out.println("  consume+produce baseline failed: " + e.getMessage());
        }
        try {
            b.s3 = Baselines.s3MultipartPut(endpoints, lines);
            out.printf("  s3 multipart put   %.2f MB/s%n", b.s3.mbPerS());
        } catch (RuntimeException e) {
            out.println("  s3 multipart put baseline failed: " + e.getMessage());
        }
        try {
            b.copy = Baselines.postgresCopy(endpoints, "tributary", calls, rawBytes);
            out.printf("  postgres copy      %.2f MB/s of raw lines (%,.0f rows/s)%n", b.copy.mbPerS(), b.copy.recordsPerS());
        } catch (java.sql.SQLException | RuntimeException e) {
            out.println("  postgres copy baseline failed: " + e.getMessage());
        }
        return b;
    }
}
