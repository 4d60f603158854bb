package io.tributary.streams.common;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MeasurableStat;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.WindowedSum;
import org.apache.kafka.streams.StreamsMetrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;

/**
 * One counter of a line topology as metrics {@code <operation>-total} (exact at every read) and
 * {@code <operation>-rate} (Kafka's windowed rate, fed in bulk by {@link #publish}). Counting is a plain field
 * increment on the stream thread: a Sensor.record per line cost ~80 ns, three of them a noticeable share of a line.
 */
final class CountMetric {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(CountMetric.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Sensor rateSensor;
    /** Written by the stream thread only; read by metric readers on any thread (opaque: no tearing, no fence). */
    @SuppressWarnings("unused")
    private long count;
    private long published;

    CountMetric(StreamsMetrics metrics, String sensorName, String group, Map<String, String> tags, String operation) {
        rateSensor = metrics.addSensor(sensorName, Sensor.RecordingLevel.INFO);
        rateSensor.add(new MetricName(operation + "-rate", group,
                "The average number of " + operation + " records per second", tags), new Rate(new WindowedSum()));
        rateSensor.add(new MetricName(operation + "-total", group, "The total number of " + operation + " records",
                tags), new Total());
    }

    void increment() {
        COUNT.setOpaque(this, (long) COUNT.getOpaque(this) + 1);
    }

    long count() {
        return (long) COUNT.getOpaque(this);
    }

    /** Moves what was counted since the last call into the rate window. */
    void publish(long nowMs) {
        long now = count();
        if (now != published) {
            rateSensor.record(now - published, nowMs);
            published = now;
        }
    }

    Sensor sensor() {
        return rateSensor;
    }

    /** The live count; recording adds nothing (the rate stat of the same sensor takes the recorded deltas). */
    private final class Total implements MeasurableStat {
        @Override
        public void record(MetricConfig config, double value, long timeMs) {
        }

        @Override
        public double measure(MetricConfig config, long now) {
            return count();
        }
    }
}
