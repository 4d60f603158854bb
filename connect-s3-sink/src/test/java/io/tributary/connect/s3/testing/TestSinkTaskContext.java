package io.tributary.connect.s3.testing;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What a worker gives a task: records the rewinds ({@link #offset}) and errant records the task asks for. */
public final class TestSinkTaskContext implements SinkTaskContext {
    private final Map<String, String> configs;
    private final boolean withReporter;
    private final Map<TopicPartition, Long> rewinds = new HashMap<>();
    private final List<SinkRecord> errantRecords = new ArrayList<>();
    private final Set<TopicPartition> assignment = new HashSet<>();

    public TestSinkTaskContext(Map<String, String> configs, boolean withReporter) {
        this.configs = configs;
        this.withReporter = withReporter;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        rewinds.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        rewinds.put(tp, offset);
    }

    @Override
    public void timeout(long timeoutMs) {
    }

    @Override
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (!withReporter) {
            return null;
        }
        return (record, error) -> {
            errantRecords.add(record);
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the sink registers no plugin metrics");
    }

    public Map<TopicPartition, Long> rewinds() {
        return rewinds;
    }

    public List<SinkRecord> errantRecords() {
        return errantRecords;
    }
}
