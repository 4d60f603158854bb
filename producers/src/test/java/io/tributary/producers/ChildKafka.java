package io.tributary.producers;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real one-node KRaft broker ({@code kafka.Kafka}, broker + controller combined) in a child JVM on the test
 * classpath, for the benchmarks: the clients under test then do not share a heap, GC or JIT with the broker, as in
 * production. Settings as {@link EmbeddedKafka}'s.
 */
public final class ChildKafka implements AutoCloseable {
    private final Process process;
    private final String bootstrapServers;
    private final Path dataDir;

    private ChildKafka(Process process, String bootstrapServers, Path dataDir) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /** Starts the broker with {@code -Xmx<heap>} and waits until it answers. */
    public static ChildKafka start(String heap) throws Exception {
        Path dataDir = Files.createTempDirectory("child-kafka");
        int port = freePort();
        int controllerPort = freePort();
        var props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("logs").toString());
        // a single broker: internal topics must not ask for three replicas (STACK-NOTES)
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        Path serverProperties = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(serverProperties)) {
            props.store(out, "ChildKafka");
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Xms" + heap));
        // e.g. -Dbench.broker.jvm.args=-XX:StartFlightRecording=filename=/tmp/broker.jfr,settings=profile
        String extra = System.getProperty("bench.broker.jvm.args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildKafkaMain.class.getName(),
                serverProperties.toString(), Uuid.randomUuid().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("broker.log").toFile()).start();
        var kafka = new ChildKafka(process, "127.0.0.1:" + port, dataDir);
        try {
            kafka.awaitReady();
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers,
                "request.timeout.ms", 2_000, "default.api.timeout.ms", 2_000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("broker JVM died; see " + dataDir.resolve("broker.log"));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("broker not ready within 60 s; see "
                                + dataDir.resolve("broker.log"), notYet);
                    }
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker JVM's pid, to read its CPU time. */
    public long pid() {
        return process.pid();
    }

    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        deleteRecursively(dataDir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
