package io.tributary.cli.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.cli.TributaryCommand;
import io.tributary.stack.PipelineStacks;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tributary lag} against a real broker, checked offset for offset against Kafka's ConsumerGroupCommand. */
class LagCommandIT {
    private static final String TOPIC = "lag-it-" + System.nanoTime();
    private static final String GROUP = "lag-it-group";
    private static String bootstrap;
    private static Admin admin;

    @BeforeAll
    static void groupWithKnownLagOnSeveralPartitions() throws Exception {
        bootstrap = PipelineStacks.shared().endpoints().kafkaBootstrap();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringSerializer(), new StringSerializer())) {
            int[] perPartition = {30, 20, 10};
            for (int p = 0; p < perPartition.length; p++) {
                for (int i = 0; i < perPartition[p]; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, p, "k" + i, "v" + i));
                }
            }
            producer.flush();
        }
        admin.alterConsumerGroupOffsets(GROUP, Map.of(
                new TopicPartition(TOPIC, 0), new OffsetAndMetadata(12),
                new TopicPartition(TOPIC, 1), new OffsetAndMetadata(20),
                new TopicPartition(TOPIC, 2), new OffsetAndMetadata(3))).all().get();
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Test
    void jsonEqualsConsumerGroupCommandOffsetForOffset() throws Exception {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = TributaryCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("lag", "--bootstrap", bootstrap, "--group", GROUP, "--json");
        assertThat(exit).as(err.toString()).isZero();

        JsonNode group = new ObjectMapper().readTree(out.toString()).get("groups").get(0);
        assertThat(group.get("group").asText()).isEqualTo(GROUP);
        Set<String> ours = new TreeSet<>();
        for (JsonNode p : group.get("partitions")) {
            ours.add(p.get("topic").asText() + " " + p.get("partition").asInt() + " " + p.get("current_offset").asLong()
                    + " " + p.get("log_end_offset").asLong() + " " + p.get("lag").asLong());
        }
        Set<String> kafkas = consumerGroupCommandRows();
        assertThat(ours).isEqualTo(kafkas).containsExactly(
                TOPIC + " 0 12 30 18", TOPIC + " 1 20 20 0", TOPIC + " 2 3 10 7");
        assertThat(group.get("sum_lag").asLong()).isEqualTo(25);
        // the first unconsumed record of partition 0 was produced moments ago: lag seconds are small but known
        assertThat(group.get("partitions").get(0).get("lag_seconds").asDouble()).isBetween(0.0, 600.0);
        assertThat(group.get("partitions").get(1).get("lag_seconds").asDouble()).isZero();
    }

    @Test
    void unknownGroupIsOneLineNamingItAndExitCodeTwo() {
        var err = new StringWriter();
        CommandLine cli = TributaryCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("lag", "--bootstrap", bootstrap, "--group", "no-such-group", "--timeout", "5s"))
                .isEqualTo(2);
        assertThat(err.toString().trim()).doesNotContain("\n")
                .contains("consumer group 'no-such-group' is unknown").contains("check the group name");
    }

    @Test
    void unreachableBrokerFailsWithinTheTimeoutNamingTheAddress() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var err = new StringWriter();
        CommandLine cli = TributaryCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        long t0 = System.nanoTime();
        int exit = cli.execute("lag", "--bootstrap", "127.0.0.1:" + closedPort, "--group", GROUP, "--timeout", "3s");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertThat(exit).isEqualTo(2);
        assertThat(seconds).isLessThan(30);
        assertThat(err.toString()).contains("cannot reach Kafka at 127.0.0.1:" + closedPort)
                .contains("start it with ./tributary run");
    }

    /** Runs Kafka's own {@code kafka-consumer-groups --describe} and reads its table. */
    private static Set<String> consumerGroupCommandRows() {
        var captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("ConsumerGroupCommand exited " + code + ": " + message);
        });
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ConsumerGroupCommand.main(new String[] {"--bootstrap-server", bootstrap, "--describe", "--group", GROUP});
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        Set<String> rows = new TreeSet<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 6 && cols[0].equals(GROUP)) {
                rows.add(cols[1] + " " + cols[2] + " " + cols[3] + " " + cols[4] + " " + cols[5]);
            }
        }
        assertThat(rows).as(captured.toString(StandardCharsets.UTF_8)).isNotEmpty();
        return rows;
    }
}
