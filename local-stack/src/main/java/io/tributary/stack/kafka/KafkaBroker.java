package io.tributary.stack.kafka;

import io.tributary.stack.PropertiesFiles;
import io.tributary.stack.process.ChildJvms;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.process.Readiness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/** A single-node KRaft broker (broker + controller in one process) in a child JVM. */
public final class KafkaBroker {

    public static final String NAME = "kafka";

    private final ManagedProcess process;
    private final String bootstrap;

    private KafkaBroker(ManagedProcess process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    /**
     * @param dataDir        {@code <stack data>/kafka}: the log dir and server.properties
     * @param port           client listener port on 127.0.0.1
     * @param controllerPort KRaft controller listener port on 127.0.0.1
     */
    public static KafkaBroker start(ChildJvms jvms, Path dataDir, int port, int controllerPort, String heap,
                                   Duration timeout) throws Exception {
        Path logDir = dataDir.resolve("logs");
        Files.createDirectories(logDir);
        Path serverProperties = dataDir.resolve("server.properties");
        PropertiesFiles.write(serverProperties, serverProperties(logDir, port, controllerPort),
            "single-node KRaft broker of the Tributary local stack");
        String bootstrap = bootstrap(port);
        ManagedProcess process = jvms.start(NAME, KafkaBrokerMain.class.getName(), heap,
            List.of(serverProperties.toString(), Uuid.randomUuid().toString(), logDir.toString()), dataDir);
        try (Admin admin = Admin.create(Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            Readiness.await(process, timeout, () -> !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                .nodes().get(3, TimeUnit.SECONDS).isEmpty());
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
        return new KafkaBroker(process, bootstrap);
    }

    /**
     * Static quorum ({@code controller.quorum.voters}) rather than a dynamic one formatted with --standalone:
     * the controller endpoint lives only in this file, so a restart on another port needs no reformat.
     */
    static Map<String, String> serverProperties(Path logDir, int port, int controllerPort) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "1");
        // One broker: internal topics cannot have more replicas than that, or coordinators never come up.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("default.replication.factor", "1");
        // Fewer internal partitions: the first consumer group / transaction does not wait for 50 partitions each.
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.num.partitions", "10");
        props.put("group.initial.rebalance.delay.ms", "0");
        // After a kill -9 the restarted broker may register only once the controller has expired its last session:
        // 9 s by default, the bulk of a restart. One local node needs no slack for lost heartbeats.
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "2000");
        // Topics are created by the pipeline on purpose; a typo must not create one silently.
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    /** What clients connect to: the broker listens on 127.0.0.1 only. */
    public static String bootstrap(int port) {
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    public String bootstrap() {
        return bootstrap;
    }
}
