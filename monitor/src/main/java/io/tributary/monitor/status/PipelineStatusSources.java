package io.tributary.monitor.status;

import io.tributary.monitor.MonitorConfig;
import io.tributary.monitor.dlq.DlqCounter;
import io.tributary.monitor.landing.LandingBacklog;
import io.tributary.monitor.landing.LandingBacklogReader;
import io.tributary.monitor.landing.SparkFileSourceLog;
import io.tributary.monitor.lag.GroupReport;
import io.tributary.monitor.lag.LagMonitor;
import io.tributary.monitor.lag.LagStatus;
import io.tributary.monitor.warehouse.TableFreshness;
import io.tributary.monitor.warehouse.WarehouseHealth;
import io.tributary.monitor.warehouse.WarehouseHealthReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The real pipeline as the status server sees it: consumer groups (Kafka), landing zone (S3 + Spark checkpoint),
 * warehouse (JDBC) and DLQ. Stage rules:
 * <ul>
 *   <li>a consumer-group stage has its group's Burrow status ({@link io.tributary.monitor.lag.BurrowRules});</li>
 *   <li>landing: ERR when S3 cannot be listed; STOP when the oldest unprocessed object is older than
 *       {@code monitor.landing.max.age.ms}; WARN past half of it; else OK;</li>
 *   <li>warehouse: ERR when it does not answer; else OK with freshness and the last batch in the detail.</li>
 * </ul>
 */
public final class PipelineStatusSources implements StatusSources {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineStatusSources.class);
    private static final Map<String, String> STAGE_NAMES = Map.of(
            "tributary-streams", "kafka streams (tributary-streams)",
            "connect-s3-sink-vehicle-events", "s3 sink (connect-s3-sink-vehicle-events)",
            "connect-s3-sink-web-requests", "s3 sink (connect-s3-sink-web-requests)");

    private final MonitorConfig config;
    private final Clock clock;
    private final LagMonitor lag;
    private final LandingBacklogReader landing;
    private final S3Client s3;
    private final WarehouseHealthReader warehouse;
    private final DlqCounter dlq;
    private final Supplier<List<ProcessRow>> processes;

    private PipelineStatusSources(MonitorConfig config, Clock clock, Supplier<List<ProcessRow>> processes) {
        this.config = config;
        this.clock = clock;
        this.processes = processes;
        this.lag = LagMonitor.connect(config.bootstrap(), config.timeout(), config.window(), clock);
        this.dlq = new DlqCounter(config.bootstrap(), config.timeout());
        if (config.s3Bucket().isBlank()) {
            this.s3 = null;
            this.landing = null;
        } else {
            this.s3 = s3Client(config);
            this.landing = new LandingBacklogReader(s3, config.s3Bucket(), config.landingTopicsDir(),
                    config.checkpoints().isEmpty() ? null : new SparkFileSourceLog(config.checkpoints()), clock);
        }
        this.warehouse = config.jdbcUrl().isBlank() ? null : new WarehouseHealthReader(config.jdbcUrl(),
                config.jdbcUser(), config.jdbcPassword().value(), config.warehouseSchema(), config.timeout(), clock);
    }

    public static PipelineStatusSources connect(MonitorConfig config, Clock clock) {
        return new PipelineStatusSources(config, clock, List::of);
    }

    /** Also reports the processes of the pipeline, as the supervisor that runs them sees them. */
    public static PipelineStatusSources connect(MonitorConfig config, Clock clock,
                                                Supplier<List<ProcessRow>> processes) {
        return new PipelineStatusSources(config, clock, processes);
    }

    @Override
    public StatusSnapshot collect() {
        List<StageStatus> stages = new ArrayList<>();
        List<GroupReport> groups = lag.sample(config.groups());
        for (GroupReport group : groups) {
            String detail = group.error() != null ? group.error() : String.format("lag %,d records, %.1f s",
                    group.sumLag(), group.maxLagSeconds());
            stages.add(new StageStatus(STAGE_NAMES.getOrDefault(group.group(), "group " + group.group()),
                    group.status(), detail));
        }
        LandingBacklog backlog = null;
        if (landing != null) {
            try {
                backlog = landing.read();
                stages.add(landingStage(backlog));
            } catch (RuntimeException e) {
                stages.add(new StageStatus("landing -> spark", LagStatus.ERR, "S3 at " + config.s3Endpoint()
                        + " bucket " + config.s3Bucket() + " cannot be listed: " + e.getMessage()
                        + "; check s3.endpoint, s3.bucket and the credentials"));
            }
        }
        WarehouseHealth health = null;
        if (warehouse != null) {
            try {
                health = warehouse.read();
                stages.add(warehouseStage(health));
            } catch (Exception e) {
                stages.add(new StageStatus("warehouse", LagStatus.ERR, "warehouse " + config.jdbcUrl()
                        + " did not answer: " + e.getMessage() + "; check that it runs and warehouse.jdbc.url/user"));
            }
        }
        Map<String, Long> dead = null;
        try {
            dead = dlq.update();
        } catch (RuntimeException e) {
            LOG.warn("cannot count dead letters: {}", e.toString());
        }
        return new StatusSnapshot(clock.instant(), groups, backlog, health, dead, stages, processes.get());
    }

    private StageStatus landingStage(LandingBacklog backlog) {
        Duration max = config.landingMaxAge();
        LagStatus status = backlog.oldestAge().compareTo(max) > 0 ? LagStatus.STOP
                : backlog.oldestAge().compareTo(max.dividedBy(2)) > 0 ? LagStatus.WARN : LagStatus.OK;
        String detail = String.format("%,d objects (%,d bytes) not yet processed of %,d landed, oldest %d s%s",
                backlog.objects(), backlog.bytes(), backlog.landedObjects(), backlog.oldestAge().toSeconds(),
                backlog.processedKnown() ? "" : " (no Spark checkpoint given: every landed object counts)");
        return new StageStatus("landing -> spark", status, detail);
    }

    private static StageStatus warehouseStage(WarehouseHealth health) {
        List<String> parts = new ArrayList<>();
        for (TableFreshness t : health.tables()) {
            parts.add(t.lastBatchId() == null ? t.table() + ": no batch loaded yet" : String.format(
                    "%s: freshness %.0f s, latency p50 %.1f s p95 %.1f s, last batch %d rows %d quarantined",
                    t.table(), t.freshnessSeconds(), t.latencyP50Seconds(), t.latencyP95Seconds(), t.lastBatchRows(),
                    t.lastBatchQuarantined()));
        }
        return new StageStatus("warehouse", LagStatus.OK, String.join("; ", parts));
    }

    private static S3Client s3Client(MonitorConfig config) {
        var builder = S3Client.builder()
                .region(Region.of(config.s3Region()))
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.timeout()).socketTimeout(config.timeout()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(config.timeout()).build());
        if (!config.s3Endpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.s3Endpoint()));
        }
        if (!config.s3AccessKey().value().isEmpty()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.s3AccessKey().value(), config.s3SecretKey().value())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Override
    public Duration pollInterval() {
        return config.pollInterval();
    }

    @Override
    public String clusterName() {
        return config.clusterName();
    }

    @Override
    public void close() {
        lag.close();
        dlq.close();
        if (s3 != null) {
            s3.close();
        }
    }
}
