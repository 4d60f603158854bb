package io.tributary.cli.bench;

import io.tributary.cli.pipeline.Pipeline;
import io.tributary.events.Topics;
import io.tributary.stack.LocalStack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The no-logic baselines of one run, each mapped to the stage it bounds; a failed baseline is reported, not fatal.
 * Measured after the pipeline run, with the pipeline's Spark job stopped, so they do not compete with it.
 */
final class BenchBaselines {
    /**
     * Baselines that read what the run produced take a sample of at most this many records (Kafka consume+produce,
     * COPY rows) or landed bytes (Spark): a rate over a large sample is the rate over all of it, and a 1 GB run then
     * spends about two minutes on its baselines instead of six.
     */
    static final long SAMPLE_RECORDS = 2_000_000;
    static final long SAMPLE_LANDED_BYTES = 64L * 1000 * 1000;
    /** What this version leaves out of the comparison (printed and written with the results). */
    static final List<String> NOT_MEASURED = List.of(
            "web_sessions rows are not part of the COPY baseline (the loader also upserts them)");

    BenchResult.Baseline produce;
    BenchResult.Baseline passThrough;
    BenchResult.Baseline s3;
    BenchResult.Baseline sparkVehicle;
    BenchResult.Baseline sparkWeb;
    BenchResult.Baseline copyCalls;
    BenchResult.Baseline copyWeb;

    List<BenchResult.Baseline> all() {
        List<BenchResult.Baseline> all = new ArrayList<>();
        for (var b : new BenchResult.Baseline[] {produce, passThrough, s3, sparkVehicle, sparkWeb, copyCalls, copyWeb}) {
            if (b != null) {
                all.add(b);
            }
        }
        return all;
    }

    static BenchBaselines measure(PrintStream out, LocalStack stack, Pipeline pipeline, Workload workload,
                                  long calls, long webRequests, int partitions, Path workDir)
            throws InterruptedException {
        var b = new BenchBaselines();
        pipeline.stopSpark();
        BaselineLines lines = BaselineLines.of(workload, BaselineLines.DEFAULT_CAP_BYTES);
        if (lines.valueBytes < workload.rawBytes()) {
            out.printf("  (Kafka producer and S3 baselines use the first %.1f MB of each simulator's share, to fit"
                    + " the heap)%n", lines.valueBytes / 1e6);
        }
        var endpoints = stack.endpoints();
        try {
            long records = ProducerPerfBaseline.records(workload.lines(),
                    (double) workload.rawBytes() / Math.max(1, workload.lines()), BaselineLines.DEFAULT_CAP_BYTES);
            b.produce = ProducerPerfBaseline.run(endpoints.kafkaBootstrap(), Baselines.PRODUCE_TOPIC, lines, records,
                    workDir);
            out.printf("  kafka producer-perf-test  %8.2f MB/s%n", b.produce.mbPerS());
        } catch (RuntimeException e) {
            out.println("  kafka producer-perf-test baseline failed: " + e.getMessage());
        }
        try {
            long records = Math.min(workload.lines(), SAMPLE_RECORDS);
            b.passThrough = Baselines.passThrough(endpoints.kafkaBootstrap(),
                    List.of(Topics.VEHICLE_LOGS_RAW, Topics.WEB_LOGS_RAW), records,
                    sampleBytes(workload.rawBytes(), records, workload.lines()));
            out.printf("  kafka consume+produce     %8.2f MB/s%n", b.passThrough.mbPerS());
        } catch (RuntimeException e) {
            out.println("  kafka consume+produce baseline failed: " + e.getMessage());
        }
        try {
            b.s3 = Baselines.s3MultipartPut(endpoints, lines);
            out.printf("  s3 multipart put          %8.2f MB/s%n", b.s3.mbPerS());
        } catch (RuntimeException e) {
            out.println("  s3 multipart put baseline failed: " + e.getMessage());
        }
        if (calls > 0) {
            long rows = Math.min(calls, SAMPLE_RECORDS);
            b.copyCalls = copy(out, endpoints, Baselines.CopyRows.CALLS, rows,
                    sampleBytes(workload.vehicleBytes(), rows, calls));
        }
        if (webRequests > 0) {
            long rows = Math.min(webRequests, SAMPLE_RECORDS);
            b.copyWeb = copy(out, endpoints, Baselines.CopyRows.WEB_REQUESTS, rows,
                    sampleBytes(workload.webBytes(), rows, webRequests));
        }
        Map<String, Long> topics = new LinkedHashMap<>();
        if (workload.vehicleEvents() > 0) {
            topics.put(Topics.VEHICLE_EVENTS, workload.vehicleBytes());
        }
        if (workload.webLines() > 0) {
            topics.put(Topics.WEB_REQUESTS, workload.webBytes());
        }
        try {
            Map<String, Long> totalRecords = Map.of(Topics.VEHICLE_EVENTS, workload.vehicleEvents(),
                    Topics.WEB_REQUESTS, workload.webLines());
            for (var baseline : SparkParquetBaseline.run(stack, pipeline.sparkJobConfig(), topics, totalRecords,
                    SAMPLE_LANDED_BYTES, workDir)) {
                if (baseline.name().equals(SparkParquetBaseline.name(Topics.VEHICLE_EVENTS))) {
                    b.sparkVehicle = baseline;
                } else {
                    b.sparkWeb = baseline;
                }
                out.printf("  %-25s %8.2f MB/s of raw lines (%,.0f records/s)%n", baseline.name(), baseline.mbPerS(),
                        baseline.recordsPerS());
            }
        } catch (RuntimeException e) {
            out.println("  spark json->parquet baseline failed: " + e.getMessage());
        }
        return b;
    }

    /** Raw bytes of a sample of {@code sample} of {@code all} records (lines have a stable mean size). */
    static long sampleBytes(long allBytes, long sample, long all) {
        return all == 0 ? 0 : Math.round((double) allBytes * sample / all);
    }

    private static BenchResult.Baseline copy(PrintStream out, io.tributary.stack.StackEndpoints endpoints,
                                             Baselines.CopyRows rows, long count, long rawBytes) {
        try {
            var baseline = Baselines.postgresCopy(endpoints, rows, count, rawBytes);
            out.printf("  %-25s %8.2f MB/s of raw lines (%,.0f rows/s)%n", baseline.name(), baseline.mbPerS(),
                    baseline.recordsPerS());
            return baseline;
        } catch (java.sql.SQLException | RuntimeException e) {
            out.println("  " + rows.table + " COPY baseline failed: " + e.getMessage());
            return null;
        }
    }
}
