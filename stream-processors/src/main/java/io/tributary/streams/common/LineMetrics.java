package io.tributary.streams.common;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.streams.StreamsMetrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Streams metrics of one line topology, per task (= per raw partition): group {@code stream-<scope>-metrics},
 * tags {@code thread-id} and {@code <scope>-id} (the task), as Kafka Streams tags custom metrics;
 * {@code <operation>-total} and {@code -rate} for the operations below, {@code dead-lettered-<code>-total} per
 * rejection rule, and {@code processing-lag-latency-avg|max} (ms from the raw record's timestamp to processing).
 * <p>
 * Lines are counted in plain fields on the stream thread; totals are read live, rates and the lag are handed to
 * Kafka's windowed stats about once a second while lines flow (no punctuator: it would make idle tasks commit).
 */
public final class LineMetrics {
    /** Raw records read. */
    public static final String RECEIVED = "received";
    /** Records turned into canonical events. */
    public static final String PARSED = "parsed";
    /** Records written to the DLQ (all reasons). */
    public static final String DEAD_LETTERED = "dead-lettered";
    /** CSV header lines skipped. */
    public static final String SKIPPED_HEADERS = "skipped-headers";
    /** Records dropped because their event id was already seen within the dedupe window. */
    public static final String DUPLICATES = "duplicates";
    /** Prefix of the per-rule DLQ counters: {@code dead-lettered-bad-timestamp}. */
    public static final String DEAD_LETTERED_PREFIX = DEAD_LETTERED + "-";
    public static final String PROCESSING_LAG = "processing-lag";
    private static final long PUBLISH_INTERVAL_MS = 1_000;

    private final StreamsMetrics metrics;
    private final String group;
    private final Map<String, String> tags;
    private final String sensorPrefix;
    private final List<CountMetric> counts = new ArrayList<>();
    private final CountMetric received;
    private final CountMetric parsed;
    private final CountMetric deadLettered;
    private final CountMetric skipped;
    private final CountMetric duplicates;
    private final CountMetric lagged;
    private final Map<String, CountMetric> byReason = new HashMap<>();
    private final Sensor lagAvg;
    private final Sensor lagMax;
    private long lagSum;
    private long lagCount;
    private long lagHighest = -1;
    private long nextPublishMs;

    public static String group(String scope) {
        return "stream-" + scope + "-metrics";
    }

    LineMetrics(StreamsMetrics metrics, String scope, String task) {
        this.metrics = metrics;
        String thread = Thread.currentThread().getName();
        group = group(scope);
        tags = new LinkedHashMap<>();
        tags.put("thread-id", thread);
        tags.put(scope + "-id", task);
        sensorPrefix = thread + ".task." + task + "." + scope + ".";
        received = count(RECEIVED);
        parsed = count(PARSED);
        deadLettered = count(DEAD_LETTERED);
        skipped = count(SKIPPED_HEADERS);
        duplicates = count(DUPLICATES);
        // the lag's rate and total are the received records', as when the lag was a latency-rate-total sensor
        lagged = count(PROCESSING_LAG);
        lagAvg = metrics.addSensor(sensorPrefix + PROCESSING_LAG + "-avg", Sensor.RecordingLevel.INFO);
        lagAvg.add(new MetricName(PROCESSING_LAG + "-latency-avg", group,
                "The average ms from a raw record's timestamp to its processing", tags), new Avg());
        lagMax = metrics.addSensor(sensorPrefix + PROCESSING_LAG + "-max", Sensor.RecordingLevel.INFO);
        lagMax.add(new MetricName(PROCESSING_LAG + "-latency-max", group,
                "The maximum ms from a raw record's timestamp to its processing", tags), new Max());
    }

    /** A raw record arrived {@code lagMs} after its timestamp; {@code nowMs} is the processing time. */
    void received(long lagMs, long nowMs) {
        received.increment();
        lagged.increment();
        lagSum += lagMs;
        lagCount++;
        lagHighest = Math.max(lagHighest, lagMs);
        if (nowMs >= nextPublishMs) {
            publish(nowMs);
        }
    }

    void parsed() {
        parsed.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void skipped() {
        skipped.increment();
    }

    void deadLettered(String code) {
        deadLettered.increment();
        byReason.computeIfAbsent(code, c -> count(DEAD_LETTERED_PREFIX + c)).increment();
    }

    private void publish(long nowMs) {
        for (CountMetric count : counts) {
            count.publish(nowMs);
        }
        if (lagCount > 0) {
            // one sample per interval: the average is one of interval averages, the maximum is exact
            lagAvg.record((double) lagSum / lagCount, nowMs);
            lagMax.record(lagHighest, nowMs);
        }
        lagSum = 0;
        lagCount = 0;
        lagHighest = -1;
        nextPublishMs = nowMs + PUBLISH_INTERVAL_MS;
    }

    private CountMetric count(String operation) {
        var count = new CountMetric(metrics, sensorPrefix + operation, group, tags, operation);
        counts.add(count);
        return count;
    }

    void close() {
        for (CountMetric count : counts) {
            metrics.removeSensor(count.sensor());
        }
        metrics.removeSensor(lagAvg);
        metrics.removeSensor(lagMax);
    }
}
