package io.tributary.cli.pipeline;

import io.tributary.connect.config.ConnectorConfigs;
import io.tributary.events.Topics;
import io.tributary.stack.connect.ConnectRestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The S3 sink connectors of the pipeline, one per canonical topic, created or updated through the Connect REST API so
 * that applying them again changes nothing. An S3-compatible endpoint (s3proxy, MinIO) gets the local config file
 * with static keys; AWS S3 the distributed one, whose credentials come from the worker's default chain.
 */
public final class SinkConnectors {
    public static final List<String> TOPICS = List.of(Topics.VEHICLE_EVENTS, Topics.WEB_REQUESTS);
    /** Connect names a sink's consumer group after its connector. */
    public static final String GROUP_PREFIX = "connect-";

    /** What applying one connector did; {@code changedKeys} names the keys an update changed (never their values). */
    public record Change(String connector, Kind kind, List<String> changedKeys) {
        public enum Kind { CREATED, UPDATED, UNCHANGED }

        @Override
        public String toString() {
            return switch (kind) {
                case CREATED -> connector + ": created";
                case UNCHANGED -> connector + ": unchanged";
                case UPDATED -> connector + ": updated (" + String.join(", ", changedKeys) + ")";
            };
        }
    }

    private final Map<String, Map<String, String>> desired;

    private SinkConnectors(Map<String, Map<String, String>> desired) {
        this.desired = desired;
    }

    public static SinkConnectors of(ConnectorsConfig config) {
        Map<String, Map<String, String>> desired = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            Map<String, String> connector = config.s3Compatible()
                    ? ConnectorConfigs.localS3Sink(topic, config.templateValues())
                    : ConnectorConfigs.distributedS3Sink(topic, config.templateValues());
            desired.put(connector.get("name"), connector);
        }
        return new SinkConnectors(desired);
    }

    public static String connectorName(String topic) {
        return ConnectorConfigs.defaultConnectorName(topic);
    }

    /** The consumer group of the sink of {@code topic}. */
    public static String groupOf(String topic) {
        return GROUP_PREFIX + connectorName(topic);
    }

    /** The desired config of connector {@code name}. */
    Map<String, String> config(String name) {
        return desired.get(name);
    }

    public List<String> names() {
        return List.copyOf(desired.keySet());
    }

    /** Creates the missing connectors and updates the ones whose config differs; returns what it did. */
    public List<Change> apply(ConnectRestClient connect) {
        List<Change> changes = new ArrayList<>();
        desired.forEach((name, config) -> {
            var current = connect.connectorConfig(name);
            if (current.isEmpty()) {
                connect.putConnector(name, config);
                changes.add(new Change(name, Change.Kind.CREATED, List.of()));
                return;
            }
            List<String> changed = changedKeys(current.get(), config);
            if (changed.isEmpty()) {
                changes.add(new Change(name, Change.Kind.UNCHANGED, List.of()));
            } else {
                connect.putConnector(name, config);
                changes.add(new Change(name, Change.Kind.UPDATED, changed));
            }
        });
        return changes;
    }

    /** Creates {@code name} again as desired (a standalone worker forgets its connectors when it restarts). */
    public void create(ConnectRestClient connect, String name) {
        connect.putConnector(name, desired.get(name));
    }

    /** Waits until every connector and its tasks run; fails with the trace of one that failed. */
    public void awaitRunning(ConnectRestClient connect, Duration timeout) {
        desired.keySet().forEach(name -> connect.awaitRunning(name, timeout));
    }

    static List<String> changedKeys(Map<String, String> current, Map<String, String> desired) {
        var keys = new TreeSet<String>();
        keys.addAll(current.keySet());
        keys.addAll(desired.keySet());
        keys.remove("name");
        return keys.stream().filter(key -> !String.valueOf(current.get(key)).equals(String.valueOf(desired.get(key))))
                .toList();
    }
}
