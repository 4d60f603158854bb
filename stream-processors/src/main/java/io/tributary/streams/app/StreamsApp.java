package io.tributary.streams.app;

import io.tributary.events.Topics;
import io.tributary.streams.vehicle.VehicleLogMetrics;
import io.tributary.streams.vehicle.VehicleLogTopology;
import io.tributary.streams.web.WebLogTopology;
import io.tributary.streams.common.LineMetrics;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The stream-processors application: the vehicle and web topologies on Kafka Streams with exactly-once v2. {@link #start}
 * returns once the application is RUNNING; {@link #close} stops it, committing what was processed.
 */
public final class StreamsApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** The topics of {@link Topics}, created by {@link #createTopics} when missing. */
    public static final List<String> TOPICS = List.of(Topics.VEHICLE_LOGS_RAW, Topics.WEB_LOGS_RAW,
            Topics.VEHICLE_EVENTS, Topics.WEB_REQUESTS, Topics.DLQ);

    private final KafkaStreams streams;
    private final String applicationId;

    private StreamsApp(KafkaStreams streams, String applicationId) {
        this.streams = streams;
        this.applicationId = applicationId;
    }

    public static Topology topology(StreamsAppConfig config) {
        var builder = new StreamsBuilder();
        VehicleLogTopology.build(builder, config.vehicleTopology());
        if (config.webTopology().enabled()) {
            WebLogTopology.build(builder, config.webTopology());
        }
        return builder.build();
    }

    /**
     * Starts the application and waits until it is RUNNING.
     *
     * @throws IllegalStateException if it fails or does not reach RUNNING within {@code streams.start.timeout.ms}
     *                               (the application is closed then)
     */
    public static StreamsApp start(StreamsAppConfig config) {
        Topology topology = topology(config);
        var props = new Properties();
        props.putAll(config.streamsProperties());
        var streams = new KafkaStreams(topology, new StreamsConfig(props));
        var running = new CompletableFuture<Void>();
        streams.setStateListener((newState, oldState) -> {
            LOG.info("Kafka Streams {}: {} -> {}", config.applicationId(), oldState, newState);
            if (newState == KafkaStreams.State.RUNNING) {
                running.complete(null);
            } else if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.PENDING_ERROR
                    || newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.PENDING_SHUTDOWN) {
                running.completeExceptionally(new IllegalStateException(
                        "Kafka Streams " + config.applicationId() + " went " + newState + " while starting"));
            }
        });
        streams.setUncaughtExceptionHandler(error -> {
            // failures propagate: a bad line under on.malformed=fail or a broker problem stops the application
            LOG.error("Kafka Streams {} stopping after an unrecoverable error", config.applicationId(), error);
            running.completeExceptionally(error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        LOG.info("Starting Kafka Streams {} (exactly_once_v2) on {}:\n{}", config.applicationId(),
                config.getString(StreamsAppConfig.BOOTSTRAP_SERVERS), topology.describe());
        streams.start();
        long timeoutMs = config.startTimeoutMs();
        try {
            running.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            streams.close(CLOSE_TIMEOUT);
            throw new IllegalStateException(String.format("Kafka Streams %s did not reach RUNNING within %d ms "
                            + "(state %s); check %s and that the topics exist (StreamsApp.createTopics)",
                    config.applicationId(), timeoutMs, streams.state(), StreamsAppConfig.BOOTSTRAP_SERVERS), e);
        } catch (ExecutionException e) {
            streams.close(CLOSE_TIMEOUT);
            throw new IllegalStateException("Kafka Streams " + config.applicationId() + " failed to start: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close(CLOSE_TIMEOUT);
            throw new IllegalStateException("interrupted while starting Kafka Streams " + config.applicationId(), e);
        }
        return new StreamsApp(streams, config.applicationId());
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** False once the application stopped or failed (after {@link #start} returned it was running). */
    public boolean isAlive() {
        KafkaStreams.State state = streams.state();
        return state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED;
    }

    /** Totals of the vehicle topology's counters over this instance's tasks. */
    public VehicleCounts vehicleCounts() {
        long[] totals = new long[3];
        streams.metrics().forEach((name, metric) -> {
            if (!name.group().equals(VehicleLogMetrics.GROUP) || !(metric.metricValue() instanceof Double value)) {
                return;
            }
            switch (name.name()) {
                case VehicleLogMetrics.PARSED + "-total" -> totals[0] += value.longValue();
                case VehicleLogMetrics.DEAD_LETTERED + "-total" -> totals[1] += value.longValue();
                case VehicleLogMetrics.SKIPPED_HEADERS + "-total" -> totals[2] += value.longValue();
                default -> { }
            }
        });
        return new VehicleCounts(totals[0], totals[1], totals[2]);
    }

    /** Lines parsed into events, written to the DLQ, and skipped as CSV headers. */
    public record VehicleCounts(long parsed, long deadLettered, long skippedHeaders) {
    }

    /** All counters of the vehicle topology on this instance. */
    public LineCounts vehicleLineCounts() {
        return lineCounts(VehicleLogMetrics.GROUP);
    }

    /** All counters of the web topology on this instance. */
    public LineCounts webLineCounts() {
        return lineCounts(WebLogTopology.GROUP);
    }

    private LineCounts lineCounts(String group) {
        var totals = new TreeMap<String, Long>();
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals(group) && name.name().endsWith("-total")
                    && metric.metricValue() instanceof Double value) {
                totals.merge(name.name().substring(0, name.name().length() - "-total".length()), value.longValue(),
                        Long::sum);
            }
        });
        var byReason = new TreeMap<String, Long>();
        totals.forEach((operation, count) -> {
            if (operation.startsWith(LineMetrics.DEAD_LETTERED_PREFIX)) {
                byReason.put(operation.substring(LineMetrics.DEAD_LETTERED_PREFIX.length()), count);
            }
        });
        return new LineCounts(totals.getOrDefault(LineMetrics.RECEIVED, 0L), totals.getOrDefault(LineMetrics.PARSED, 0L),
                totals.getOrDefault(LineMetrics.DEAD_LETTERED, 0L), totals.getOrDefault(LineMetrics.DUPLICATES, 0L),
                totals.getOrDefault(LineMetrics.SKIPPED_HEADERS, 0L), byReason);
    }

    /**
     * Counters of one line topology: every received record is exactly one of parsed, deadLettered, duplicates or
     * skippedHeaders (once processing caught up).
     *
     * @param deadLetteredByReason DLQ records per rejection code ({@link io.tributary.streams.common.RejectCodes})
     */
    public record LineCounts(long received, long parsed, long deadLettered, long duplicates, long skippedHeaders,
                             Map<String, Long> deadLetteredByReason) {
        public long accountedFor() {
            return parsed + deadLettered + duplicates + skippedHeaders;
        }
    }

    /**
     * Commits what was processed and stops. The instance leaves its group, so a restarted one gets the partitions at
     * once instead of after the old member's session timed out.
     */
    @Override
    public void close() {
        LOG.info("Closing Kafka Streams {}", applicationId);
        if (!streams.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(true))) {
            LOG.warn("Kafka Streams {} did not close within {}", applicationId, CLOSE_TIMEOUT);
        }
    }

    /** Creates the topics of {@link Topics} that are missing, replication factor 1 (a one-broker stack). */
    public static Set<String> createTopics(Admin admin, int partitions) {
        return createTopics(admin, partitions, (short) 1);
    }

    /** Creates the topics of {@link Topics} that are missing; returns the ones it created. */
    public static Set<String> createTopics(Admin admin, int partitions, short replicationFactor) {
        Optional<Short> replicas = replicationFactor < 0 ? Optional.empty()
                : Optional.of(replicationFactor);
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = new ArrayList<NewTopic>();
            for (String topic : TOPICS) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), replicas));
                }
            }
            var created = new TreeSet<String>();
            var results = admin.createTopics(missing).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    // created concurrently by another instance: fine
                }
            }
            if (!created.isEmpty()) {
                LOG.info("Created topics {} ({} partitions, replication factor {})", created, partitions,
                        replicationFactor);
            }
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + TOPICS + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics " + TOPICS + " (is Kafka reachable?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
