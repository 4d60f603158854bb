package io.tributary.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.stack.connect.ConnectRestClient;
import io.tributary.stack.connect.ConnectorStatus;
import io.tributary.stack.postgres.PostgresServer;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.s3.S3Clients;
import io.tributary.stack.s3.S3Credentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The real stack, started once for the class in a fresh temp dir; the last tests stop it, check, restart it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final Logger log = LoggerFactory.getLogger(LocalStackIT.class);

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static final Map<StackServer, Duration> readyTimes = new ConcurrentHashMap<>();
    private static final List<Long> childPids = new ArrayList<>();
    private static long postmasterPid;

    @BeforeAll
    static void startStack() {
        long t0 = System.nanoTime();
        stack = LocalStack.start(config(), new StackListener() {
            @Override
            public void ready(StackServer server, String address, Duration took, long pid) {
                readyTimes.put(server, took);
            }
        });
        log.info("stack ready in {} ms; servers ready after {}", (System.nanoTime() - t0) / 1_000_000, readyTimes);
        stack.servers().forEach((server, process) -> {
            childPids.add(process.pid());
            log.info("{} pid {} RSS {} KiB", server.id(), process.pid(), process.residentSetKib().orElse(-1));
        });
        postmasterPid = PostgresServer.postmaster(stack.postgresDataDir()).orElseThrow().pid();
    }

    private static LocalStackConfig config() {
        return LocalStackConfig.of(Map.of(LocalStackConfig.DATA_DIR, dataDir.toString()));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyServerReportsReadyWithItsOwnChildJvm() {
        assertThat(readyTimes).containsOnlyKeys(StackServer.values());
        assertThat(stack.servers()).containsOnlyKeys(StackServer.values());
        assertThat(childPids).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());
        stack.servers().values().forEach(process -> assertThat(process.handle().parent().map(ProcessHandle::pid))
            .contains(ProcessHandle.current().pid()));
        for (StackServer server : StackServer.values()) {
            assertThat(dataDir.resolve("logs").resolve(server.id() + ".log")).isNotEmptyFile();
        }
    }

    @Test
    @Order(2)
    void producedRecordIsConsumedFromTheBroker() throws Exception {
        String bootstrap = stack.endpoints().kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("it.roundtrip", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("it.roundtrip", "V42", "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "it-roundtrip",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("it.roundtrip"));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            assertThat(received).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("V42", "hello"));
        }
    }

    @Test
    @Order(3)
    void objectPutInTheBucketIsReadBack() {
        StackEndpoints endpoints = stack.endpoints();
        try (S3Client s3 = S3Clients.create(endpoints.s3Endpoint(), endpoints.s3Region(),
            new S3Credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()))) {
            s3.putObject(b -> b.bucket(endpoints.bucket()).key("landing/it/hello.txt"),
                RequestBody.fromString("hello s3"));
            String body = s3.getObjectAsBytes(b -> b.bucket(endpoints.bucket()).key("landing/it/hello.txt"))
                .asString(StandardCharsets.UTF_8);
            assertThat(body).isEqualTo("hello s3");
        }
        assertThat(dataDir.resolve("s3").resolve(endpoints.bucket())).isDirectory();
    }

    @Test
    @Order(4)
    void s3RejectsWrongSecretKey() {
        StackEndpoints endpoints = stack.endpoints();
        try (S3Client s3 = S3Clients.create(endpoints.s3Endpoint(), endpoints.s3Region(),
            new S3Credentials(endpoints.s3AccessKey(), "wrong-secret"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket(endpoints.bucket())))
                .hasMessageContaining("403");
        }
    }

    @Test
    @Order(5)
    void postgresAnswersAndRunsDdl() throws Exception {
        try (Connection connection = jdbc(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            statement.execute("create table it_scratch (id int primary key, name text)");
            statement.execute("insert into it_scratch values (1, 'one')");
            statement.execute("drop table it_scratch");
            statement.execute("create table it_kept (id int primary key)");
            statement.execute("insert into it_kept values (7)");
        }
    }

    @Test
    @Order(6)
    void connectWorkerRunsASinkConnectorCreatedOverRest() throws Exception {
        ConnectRestClient rest = stack.connectRest();
        assertThat(rest.isUp()).isTrue();
        assertThat(rest.connectorState("it-file-sink")).isEqualTo(ConnectorStatus.ABSENT);
        String bootstrap = stack.endpoints().kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("it.connect", 1, (short) 1))).all().get();
        }
        Path sinkFile = dataDir.resolve("it-file-sink.txt");
        rest.putConnector("it-file-sink", Map.of(
            "connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector",
            "tasks.max", "1",
            "topics", "it.connect",
            "file", sinkFile.toString(),
            "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
        assertThat(rest.awaitRunning("it-file-sink", Duration.ofSeconds(60)).isRunning()).isTrue();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("it.connect", "k", "line through connect")).get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            assertThat(sinkFile).exists().content().contains("line through connect"));
        rest.deleteConnector("it-file-sink");
        assertThat(rest.connectorState("it-file-sink")).isEqualTo(ConnectorStatus.ABSENT);
    }

    @Test
    @Order(7)
    void secretsAreMaskedAndKeptInOwnerOnlyFiles() throws Exception {
        StackEndpoints endpoints = stack.endpoints();
        assertThat(endpoints.toString()).doesNotContain(endpoints.s3SecretKey()).contains(endpoints.kafkaBootstrap());
        for (Path file : List.of(dataDir.resolve("credentials.properties"), dataDir.resolve("endpoints.properties"),
            dataDir.resolve("conf/s3proxy.properties"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        for (StackServer server : StackServer.values()) {
            assertThat(Files.readString(dataDir.resolve("logs").resolve(server.id() + ".log")))
                .doesNotContain(endpoints.s3SecretKey());
        }
    }

    @Test
    @Order(8)
    void everyServerKilledWithSigkillComesBackOnItsPortWithItsData() throws Exception {
        for (StackServer server : List.of(StackServer.KAFKA, StackServer.S3, StackServer.CONNECT)) {
            ManagedProcess before = stack.servers().get(server);
            long t0 = System.nanoTime();
            before.kill();
            awaitRestarted(server.id(), 1);
            log.info("{} back after kill -9 in {} ms", server.id(), (System.nanoTime() - t0) / 1_000_000);
            assertThat(stack.servers().get(server).pid()).isNotEqualTo(before.pid());
        }
        // the database itself, not its JVM: the JVM notices its postmaster is gone and exits, so it is restarted
        ProcessHandle postmaster = PostgresServer.postmaster(stack.postgresDataDir()).orElseThrow();
        long t0 = System.nanoTime();
        postmaster.destroyForcibly();
        awaitRestarted(StackServer.POSTGRES.id(), 1);
        log.info("postgres back after kill -9 of its postmaster in {} ms", (System.nanoTime() - t0) / 1_000_000);
        assertThat(PostgresServer.postmaster(stack.postgresDataDir()).orElseThrow().pid()).isNotEqualTo(postmaster.pid());

        assertThat(stack.supervisor().status()).allSatisfy(status -> {
            assertThat(status.state()).isEqualTo(io.tributary.stack.process.Supervisor.State.RUNNING);
            assertThat(status.restarts()).as(status.name()).isEqualTo(1);
        });
        assertThat(stack.supervisor().status()).filteredOn(s -> !s.name().equals("postgres"))
            .extracting(io.tributary.stack.process.ProcessStatus::lastExit)
            .containsOnly("killed (SIGKILL, exit 137)");
        try (Connection connection = jdbc(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select id from it_kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
        String bootstrap = stack.endpoints().kafkaBootstrap();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("it.roundtrip", "V42", "after the restart")).get();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var topic = new org.apache.kafka.common.TopicPartition("it.roundtrip", 0);
            long end = admin.listOffsets(Map.of(topic, org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get()
                .get(topic).offset();
            assertThat(end).as("the record produced before the kill and the one after").isEqualTo(2);
        }
        StackEndpoints endpoints = stack.endpoints();
        try (S3Client s3 = S3Clients.create(endpoints.s3Endpoint(), endpoints.s3Region(),
            new S3Credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()))) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(endpoints.bucket()).key("landing/it/hello.txt"))
                .asString(StandardCharsets.UTF_8)).isEqualTo("hello s3");
        }
        assertThat(stack.connectRest().isUp()).isTrue();
    }

    private static void awaitRestarted(String name, int restarts) {
        await().atMost(Duration.ofSeconds(90)).until(() -> stack.supervisor().status().stream()
            .anyMatch(s -> s.name().equals(name) && s.restarts() == restarts
                && s.state() == io.tributary.stack.process.Supervisor.State.RUNNING));
    }

    @Test
    @Order(100)
    void closeLeavesNoChildJvmAndNoPostgres() {
        stack.close();
        stack.close();
        for (long pid : childPids) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("child pid %s", pid).isEmpty();
        }
        assertThat(ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive)).as("postmaster").isEmpty();
        assertThat(postgresProcessesOn(dataDir)).isEmpty();
        // other IT classes in this JVM may run their own stack: only children started for this data dir count
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
            .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(dataDir.toString()))
                .orElse(false))).isEmpty();
    }

    @Test
    @Order(101)
    void restartKeepsTopicsObjectsAndTables() throws Exception {
        stack = LocalStack.start(config());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.endpoints().kafkaBootstrap()))) {
            assertThat(admin.listTopics().names().get()).contains("it.roundtrip", "it.connect");
        }
        try (Connection connection = jdbc(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select id from it_kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
        StackEndpoints endpoints = stack.endpoints();
        try (S3Client s3 = S3Clients.create(endpoints.s3Endpoint(), endpoints.s3Region(),
            new S3Credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()))) {
            assertThat(s3.listObjectsV2(b -> b.bucket(endpoints.bucket())).contents())
                .extracting(o -> o.key()).containsExactly("landing/it/hello.txt");
        }
        List<ManagedProcess> processes = List.copyOf(stack.servers().values());
        stack.close();
        processes.forEach(process -> assertThat(process.isAlive()).as(process.name()).isFalse());
        assertThat(postgresProcessesOn(dataDir)).isEmpty();
    }

    private static Connection jdbc() throws Exception {
        StackEndpoints endpoints = stack.endpoints();
        Properties props = new Properties();
        props.setProperty("user", endpoints.jdbcUser());
        props.setProperty("password", endpoints.jdbcPassword());
        return DriverManager.getConnection(endpoints.jdbcUrl(), props);
    }

    /** Any process on this machine running a postgres binary on our data dir. */
    private static List<ProcessHandle> postgresProcessesOn(Path dir) {
        String postgresDir = dir.resolve("postgres").toString();
        return ProcessHandle.allProcesses()
            .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
            .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(postgresDir)).orElse(false))
            .toList();
    }
}
