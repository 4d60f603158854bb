package io.tributary.cli.stage;

import io.tributary.cli.TributaryCommand;
import io.tributary.cli.pipeline.DeadLetters;
import io.tributary.events.Topics;
import io.tributary.stack.LocalStack;
import io.tributary.stack.LocalStackConfig;
import io.tributary.stack.LogConfigs;
import io.tributary.stack.StackEndpoints;
import io.tributary.stack.connect.ConnectRestClient;
import io.tributary.stack.process.ChildLauncher;
import io.tributary.stack.process.ChildSpec;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.s3.S3Clients;
import io.tributary.stack.s3.S3Credentials;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each stage's entry point as a user runs it, against an embedded stack of this class's own: {@code migrate},
 * {@code connectors apply}, {@code streams} (a child process stopped with SIGTERM) and {@code batch}, chained into a
 * pipeline by hand. Every command finds the stack by {@code --stack-dir}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StageCommandsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static LocalStack stack;
    static ManagedProcess streams;
    static int metricsPort;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(LocalStackConfig.of(Map.of(LocalStackConfig.DATA_DIR, dir.resolve("stack").toString())));
        try (var socket = new ServerSocket(0)) {
            metricsPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stopStack() {
        if (streams != null) {
            streams.stop(Duration.ofSeconds(30));
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void migrateCreatesTheSchemaThenFindsItUpToDate() {
        Result first = run("migrate", "--stack-dir", stack.dataDir().toString());
        Result second = run("migrate", "--stack-dir", stack.dataDir().toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("warehouse schema tributary migrated, versions applied: [1,");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("warehouse schema tributary is up to date");
    }

    @Test
    @Order(2)
    void connectorsApplyCreatesThenChangesNothingThenNamesTheKeyItUpdated() {
        String[] apply = {"connectors", "apply", "--stack-dir", stack.dataDir().toString()};
        Result created = run(apply);
        Result again = run(apply);
        Result updated = run("connectors", "apply", "--stack-dir", stack.dataDir().toString(),
                "--set", "sink.rotate.idle.ms=2000");

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("s3-sink-vehicle-events: created", "s3-sink-web-requests: created",
                "running: s3-sink-vehicle-events, s3-sink-web-requests");
        assertThat(again.out()).contains("s3-sink-vehicle-events: unchanged", "s3-sink-web-requests: unchanged");
        assertThat(updated.out()).contains("s3-sink-vehicle-events: updated (rotate.idle.ms)",
                "s3-sink-web-requests: updated (rotate.idle.ms)");
        assertThat(created.out() + again.out() + updated.out()).doesNotContain(stack.endpoints().s3SecretKey());
        assertThat(new ConnectRestClient(stack.endpoints().connectUrl()).connectorConfig("s3-sink-vehicle-events"))
                .hasValueSatisfying(config -> assertThat(config).containsEntry("rotate.idle.ms", "2000"));
    }

    @Test
    @Order(3)
    void streamsTurnsRawLinesIntoEventsAndDeadLettersAndStopsCleanlyOnSigterm() throws Exception {
        streams = new ChildLauncher(dir.resolve("conf"), p -> { }).launch(new ChildSpec("streams",
                TributaryCommand.class.getName(), ChildLauncher.currentClasspath(), List.of("-Xmx512m",
                "-Dlog4j2.configurationFile=" + LogConfigs.server(dir.resolve("conf"))),
                List.of("streams", "--stack-dir", stack.dataDir().toString(), "--set",
                        "streams.metrics.port=" + metricsPort, "--set", "streams.state.dir=" + dir.resolve("state")),
                dir.resolve("streams.log"), dir, Map.of()));
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> get("/health").statusCode() == 200);

        long t = Instant.now().minusSeconds(120).getEpochSecond();
        publish(List.of("S1," + t + ".250000,stage_fn,start", "S1," + (t + 1) + ".500000,stage_fn,end",
                "S1,17x,stage_fn,end"));

        await().atMost(Duration.ofMinutes(1)).until(() -> DeadLetters.count(endpoints().kafkaBootstrap()) == 1);
        assertThat(committedRecords(Topics.VEHICLE_EVENTS)).hasSize(2)
                .allSatisfy(event -> assertThat(event).contains("\"vehicle_id\":\"S1\"", "\"function_name\":\"stage_fn\""));
        assertThat(get("/counts").body()).contains("\"state\":\"RUNNING\"").contains("\"parsed\":2")
                .contains("\"deadLettered\":1");
        assertThat(get("/metrics").body())
                .contains("tributary_streams_lines_total{outcome=\"parsed\",topology=\"vehicle\"} 2.0");

        streams.handle().destroy(); // SIGTERM, as a supervisor or Ctrl-C stops it
        assertThat(streams.waitFor(Duration.ofSeconds(60))).as("the JVM's exit code for SIGTERM").hasValue(143);
        assertThat(Files.readString(dir.resolve("streams.log"))).contains("Closing Kafka Streams tributary-streams")
                .contains("Kafka Streams tributary-streams stopped: processed lines committed");
    }

    @Test
    @Order(4)
    void batchLoadsWhatTheSinkLandedIntoTheWarehouse() throws Exception {
        // the sink lands the two events of the previous test; the job, run to completion, pairs them into one call
        await().atMost(Duration.ofMinutes(1)).until(() -> landedObjects(Topics.VEHICLE_EVENTS) > 0);
        Result batch = run("batch", "--stack-dir", stack.dataDir().toString(), "--work-dir",
                dir.resolve("batch").toString(), "--heap", "1g", "--set", "spark.trigger=available-now");

        assertThat(batch.exit()).as(batch.out() + batch.err()).isZero();
        assertThat(batch.out()).contains("Spark job running").contains("batch: done");
        assertThat(callRows()).containsExactly("S1 stage_fn 1.250000");
        assertThat(Files.readString(dir.resolve("batch/conf/batch.properties")))
                .as("secrets reach the job in its config file").contains("s3.secret.key");
        assertThat(Files.getPosixFilePermissions(dir.resolve("batch/conf/batch.properties")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    @Order(5)
    void badValuesFailBeforeAnythingStartsNamingTheKey() {
        Result streamsBad = run("streams", "--stack-dir", stack.dataDir().toString(),
                "--set", "streams.topic.partitions=0");
        Result batchBad = run("batch", "--stack-dir", stack.dataDir().toString(), "--set", "spark.trigger=sometimes");
        Result connectBad = run("connectors", "apply", "--connect-url", "http://127.0.0.1:1", "--stack-dir",
                stack.dataDir().toString());

        assertThat(streamsBad.exit()).isEqualTo(2);
        assertThat(streamsBad.err()).contains("streams.topic.partitions");
        assertThat(batchBad.exit()).isEqualTo(2);
        assertThat(batchBad.err()).contains("spark.trigger");
        assertThat(connectBad.exit()).isEqualTo(2);
        assertThat(connectBad.err()).contains("cannot reach Kafka Connect at http://127.0.0.1:1");
    }

    private static StackEndpoints endpoints() {
        return stack.endpoints();
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = TributaryCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(List<String> lines) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                endpoints().kafkaBootstrap()), new StringSerializer(), new StringSerializer())) {
            for (String line : lines) {
                producer.send(new ProducerRecord<>(Topics.VEHICLE_LOGS_RAW, "S1", line)).get();
            }
        }
    }

    private static List<String> committedRecords(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints().kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    private static int landedObjects(String topic) {
        StackEndpoints e = endpoints();
        try (var s3 = S3Clients.create(e.s3Endpoint(), e.s3Region(), new S3Credentials(e.s3AccessKey(), e.s3SecretKey()))) {
            return (int) s3.listObjectsV2(b -> b.bucket(e.bucket()).prefix("landing/" + topic + "/")).contents()
                    .stream().filter(o -> o.key().endsWith(".jsonl.gz")).count();
        }
    }

    private static List<String> callRows() throws Exception {
        try (Connection c = DriverManager.getConnection(endpoints().jdbcUrl(), endpoints().jdbcUser(),
                endpoints().jdbcPassword());
             ResultSet rs = c.createStatement().executeQuery("SELECT vehicle_id, function_name, duration FROM "
                     + "tributary.log_functions_analysis ORDER BY start_time")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString());
            }
            return rows;
        }
    }
}
