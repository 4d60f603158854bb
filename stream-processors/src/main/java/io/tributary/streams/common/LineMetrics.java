package io.tributary.streams.common;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

import java.util.HashMap;
import java.util.Map;

/**
 * The Streams metrics of one line topology, per task (= per raw partition): group {@code stream-<scope>-metrics},
 * {@code <operation>-total} and {@code -rate} for the operations below, {@code dead-lettered-<code>-total} per
 * rejection rule, and {@code processing-lag-latency-avg|max} (ms from the raw record's timestamp to processing).
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

    private final StreamsMetrics metrics;
    private final String scope;
    private final String task;
    final Sensor received;
    final Sensor parsed;
    final Sensor deadLettered;
    final Sensor skipped;
    final Sensor duplicates;
    final Sensor lag;
    private final Map<String, Sensor> byReason = new HashMap<>();

    public static String group(String scope) {
        return "stream-" + scope + "-metrics";
    }

    LineMetrics(StreamsMetrics metrics, String scope, String task) {
        this.metrics = metrics;
        this.scope = scope;
        this.task = task;
        received = counter(RECEIVED);
        parsed = counter(PARSED);
        deadLettered = counter(DEAD_LETTERED);
        skipped = counter(SKIPPED_HEADERS);
        duplicates = counter(DUPLICATES);
        lag = metrics.addLatencyRateTotalSensor(scope, task, PROCESSING_LAG, Sensor.RecordingLevel.INFO);
    }

    void deadLettered(String code) {
        deadLettered.record();
        byReason.computeIfAbsent(code, c -> counter(DEAD_LETTERED_PREFIX + c)).record();
    }

    private Sensor counter(String operation) {
        return metrics.addRateTotalSensor(scope, task, operation, Sensor.RecordingLevel.INFO);
    }

    void close() {
        for (Sensor sensor : new Sensor[] {received, parsed, deadLettered, skipped, duplicates, lag}) {
            metrics.removeSensor(sensor);
        }
        byReason.values().forEach(metrics::removeSensor);
    }
}
