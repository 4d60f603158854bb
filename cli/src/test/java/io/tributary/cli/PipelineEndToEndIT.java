package io.tributary.cli;

import io.tributary.cli.pipeline.DeadLetters;
import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.stack.StackLocation;
import io.tributary.stack.process.Supervisor;
import io.tributary.events.DlqHeaders;
import io.tributary.events.EventIds;
import io.tributary.events.EventTimes;
import io.tributary.events.EventType;
import io.tributary.events.LandingLayout;
import io.tributary.events.Topics;
import io.tributary.events.VehicleEvent;
import io.tributary.events.VehicleEventJson;
import io.tributary.producers.faults.FaultSpec;
import io.tributary.producers.fleet.FleetRun;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.producers.fleet.FleetTruth;
import io.tributary.producers.fleet.FunctionCatalogue;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.stack.PipelineStack;
import io.tributary.stack.PipelineStacks;
import io.tributary.stack.s3.S3Clients;
import io.tributary.stack.s3.S3Credentials;
import io.tributary.streams.vehicle.RecordOrigin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hand-written set of vehicle logs through every real component: Kafka, Kafka Streams, Connect with our S3 sink,
 * s3proxy, Spark in its own JVM, PostgreSQL. Checks the exact warehouse rows and the exact dead letter; then the fleet
 * simulator's run with injected faults against its ground truth. The tests share one pipeline and run in order: the
 * Spark watermark only moves forward, so the second test's events are newer than the first's.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {
    /** 2026-05-28T20:26:40Z: event times of this test are offsets in seconds from here. */
    private static final long BASE = 1_780_000_000L;

    @TempDir
    static Path workDir;
    static PipelineStack stack;
    static Pipeline pipeline;
    static Supervisor stages;

    @BeforeAll
    static void startPipeline() {
        stack = PipelineStacks.shared();
        stages = new Supervisor();
        // one partition: the sink lands lines in publish order, so a line published first is processed first
        pipeline = Pipeline.start(StackLocation.endpointDefaults(stack.endpoints()),
                new Pipeline.Options(Duration.ofSeconds(3), 1, workDir, Duration.ofSeconds(2)), stages, (s, d) -> { });
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        stages.close();
    }

    @Test
    @Order(1)
    void handWrittenLogsBecomeExactCallsAndOneDeadLetter() throws Exception {
        List<Line> firstBatch = List.of(
                // opens in this micro-batch, closes in a later one
                new Line("V2", "V2," + t("200.000000") + ",hvac_control,START"),
                // nested calls of the same function
                new Line("V1", "V1," + t("100.000000") + ",lidar_fusion,start"),
                new Line("V1", "V1," + t("101.000000") + ",lidar_fusion,start"),
                new Line("V1", "V1," + t("102.500000") + ",lidar_fusion,end"),
                new Line("V1", "V1," + t("103.250001") + ",lidar_fusion,End"),
                // back-to-back calls: an END and the next START at the same instant
                new Line("V1", "V1," + t("110.000000") + ",path_planning,start"),
                new Line("V1", "V1," + t("111.000001") + ",path_planning,end"),
                new Line("V1", "V1," + t("111.000001") + ",path_planning,start"),
                new Line("V1", "V1," + t("112.500000") + ",path_planning,end"),
                // malformed
                new Line("V2", "V2,17x,hvac_control,end"));
        Map<String, Long> offsets = publish(firstBatch);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.callsLoaded() == 4);
        long batchesBeforeEnd = loadedBatches();

        Map<String, Long> second = publish(List.of(new Line("V2", "V2," + t("205.000002") + ",hvac_control,end")));
        offsets.putAll(second);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> pipeline.callsLoaded() == 5);
        assertThat(loadedBatches()).as("the END was loaded by a later batch than its START")
                .isGreaterThan(batchesBeforeEnd);

        assertThat(warehouseRows()).containsExactlyInAnyOrder(
                row(offsets, "V1", "lidar_fusion", "100.000000", "103.250001", "3.250001", 0),
                row(offsets, "V1", "lidar_fusion", "101.000000", "102.500000", "1.500000", 1),
                row(offsets, "V1", "path_planning", "110.000000", "111.000001", "1.000001", 0),
                row(offsets, "V1", "path_planning", "111.000001", "112.500000", "1.499999", 0),
                row(offsets, "V2", "hvac_control", "200.000000", "205.000002", "5.000002", 0));

        assertThat(landedEvents()).extracting(VehicleEvent::eventId).as("every canonical event landed in S3 exactly once")
                .hasSize(10).doesNotHaveDuplicates();

        List<ConsumerRecord<byte[], byte[]>> deadLetters = DeadLetters.readAll(stack.endpoints().kafkaBootstrap());
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<byte[], byte[]> dead = deadLetters.get(0);
        long badOffset = offsets.get("V2,17x,hvac_control,end");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("V2,17x,hvac_control,end");
        assertThat(headers(dead)).containsExactlyInAnyOrderEntriesOf(Map.of(
                DlqHeaders.ERROR_STAGE, "stream-processors",
                DlqHeaders.ERROR_REASON, "Cannot parse timestamp '17x' in vehicle.logs.raw[0]@" + badOffset
                        + ": expected epoch seconds or ISO-8601",
                DlqHeaders.SOURCE_TOPIC, Topics.VEHICLE_LOGS_RAW,
                DlqHeaders.SOURCE_PARTITION, "0",
                DlqHeaders.SOURCE_OFFSET, Long.toString(badOffset)));
    }

    /**
     * DESIGN.md's promise on the simulator's ground truth: with duplicates, reordering and malformed lines injected
     * at 1%, every generated call is one warehouse row, exact to the microsecond with its depth, every malformed line
     * one dead letter, every duplicate dropped (no second row, no second landed event), nothing quarantined.
     */
    @Test
    @Order(2)
    void fleetRunWithFaultsEndsExactlyAsItsGroundTruth() throws Exception {
        // after the first test's events (the watermark never goes back) and well before now (the stream processors
        // refuse times more than 5 minutes ahead)
        Instant start = Instant.now().minus(Duration.ofHours(12)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var spec = new FleetSpec(7, 20, 8_000, start, FunctionCatalogue.standard(), true);
        var faults = new FaultSpec(11, 0.01, 0.01, 50, 0, Duration.ZERO, 0.01);
        long deadLettersBefore = DeadLetters.count(stack.endpoints().kafkaBootstrap());

        FleetRun.Result run;
        try (var publisher = new LogPublisher(LogPublisherConfig.of(Map.of(
                LogPublisherConfig.BOOTSTRAP_SERVERS, stack.endpoints().kafkaBootstrap())))) {
            run = FleetRun.publish(new FleetSimulator(spec), publisher, Topics.VEHICLE_LOGS_RAW, 0, faults, p -> { });
        }
        FleetTruth truth = run.fleet();
        assertThat(truth.calls()).hasSize((int) truth.completeCalls())
                .allSatisfy(call -> assertThat(call.end()).isBefore(Instant.now()));
        assertThat(run.faults().expectedDuplicates()).isPositive();
        assertThat(run.faults().expectedDeadLetters()).isPositive();

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> fleetRows().size() >= truth.completeCalls());

        List<CallRow> expected = truth.calls().stream().map(c -> new CallRow(null, c.vehicleId(), c.functionName(),
                c.start(), c.end(), BigDecimal.valueOf(java.time.temporal.ChronoUnit.MICROS.between(c.start(), c.end()),
                        6), c.depth())).toList();
        List<CallRow> rows = fleetRows();
        assertThat(rows).extracting(CallRow::callId).doesNotHaveDuplicates();
        assertThat(rows.stream().map(r -> new CallRow(null, r.vehicleId(), r.functionName(), r.start(), r.end(),
                r.duration(), r.depth())).toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fleetQuarantine()).isEmpty();
        assertThat(DeadLetters.count(stack.endpoints().kafkaBootstrap()) - deadLettersBefore)
                .isEqualTo(run.faults().expectedDeadLetters());
        List<String> landed = landedEvents().stream().filter(e -> e.vehicleId().startsWith("V0"))
                .map(e -> e.eventId()).toList();
        assertThat(landed).as("every generated line landed once, duplicates dropped")
                .hasSize((int) run.faults().expectedEvents()).doesNotHaveDuplicates();

        // lines far older than the watermark (max event time - the allowed lateness) are quarantined as late,
        // never paired and never dropped
        String old = start.minus(Duration.ofHours(6)).getEpochSecond() + ".000001";
        publish(List.of(new Line("V001", "V001," + old + ",lidar_fusion,start"),
                new Line("V002", "V002," + old + ",lidar_fusion,end"),
                new Line("V003", "V003," + old + ",path_planning,start")));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> fleetQuarantine().values().stream().mapToLong(Long::longValue).sum() >= 3);
        assertThat(fleetQuarantine()).containsExactlyEntriesOf(Map.of("late", 3L));
        assertThat(fleetRows()).hasSize((int) truth.completeCalls());
    }

    /** Rows of the fleet's vehicles (V001…), not the first test's V1/V2. */
    private static List<CallRow> fleetRows() throws SQLException {
        return warehouseRows().stream().filter(r -> r.vehicleId().startsWith("V0")).toList();
    }

    /** Quarantined events of the fleet's vehicles by reason. */
    private static Map<String, Long> fleetQuarantine() throws SQLException {
        var endpoints = stack.endpoints();
        var byReason = new java.util.TreeMap<String, Long>();
        try (var connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(),
                endpoints.jdbcPassword());
             var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT reason, count(*) FROM tributary_meta.quarantine"
                     + " WHERE vehicle_id LIKE 'V0%' OR vehicle_id IS NULL GROUP BY reason")) {
            while (rs.next()) {
                byReason.put(rs.getString(1), rs.getLong(2));
            }
        }
        return byReason;
    }

    private static String t(String secondsAfterBase) {
        return new BigDecimal(BASE).add(new BigDecimal(secondsAfterBase)).toPlainString();
    }

    private static Instant instant(String secondsAfterBase) {
        return EventTimes.fromEpochSeconds(t(secondsAfterBase));
    }

    /** The row the pipeline must produce for a call, its id derived from its START line's position in Kafka. */
    private static CallRow row(Map<String, Long> offsets, String vehicle, String function, String start, String end,
                               String duration, int depth) {
        Instant startTime = instant(start);
        String startLine = offsets.keySet().stream()
                .filter(l -> l.startsWith(vehicle + "," + t(start) + "," + function + ",")
                        && l.toLowerCase().endsWith(",start"))
                .findFirst().orElseThrow();
        String position = new RecordOrigin(Topics.VEHICLE_LOGS_RAW, 0, offsets.get(startLine), 0, null).position();
        String callId = EventIds.vehicleEventId(vehicle, startTime, function, EventType.START, position);
        return new CallRow(callId, vehicle, function, startTime, instant(end), new BigDecimal(duration), depth);
    }

    record Line(String key, String value) {
    }

    record CallRow(String callId, String vehicleId, String functionName, Instant start, Instant end,
                   BigDecimal duration, int depth) {
    }

    private static Map<String, Long> publish(List<Line> lines) throws Exception {
        Map<String, Long> offsets = new HashMap<>();
        try (var publisher = new LogPublisher(LogPublisherConfig.of(Map.of(
                LogPublisherConfig.BOOTSTRAP_SERVERS, stack.endpoints().kafkaBootstrap())))) {
            for (Line line : lines) {
                RecordMetadata metadata = publisher.publish(Topics.VEHICLE_LOGS_RAW, line.key(), line.value()).get();
                offsets.put(line.value(), metadata.offset());
            }
        }
        return offsets;
    }

    private static List<CallRow> warehouseRows() throws SQLException {
        var endpoints = stack.endpoints();
        List<CallRow> rows = new ArrayList<>();
        try (var connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(),
                endpoints.jdbcPassword());
             var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT call_id, vehicle_id, function_name, start_time, end_time,"
                     + " duration, call_depth FROM tributary.log_functions_analysis")) {
            while (rs.next()) {
                rows.add(new CallRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC),
                        rs.getObject(5, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC),
                        rs.getBigDecimal(6), rs.getInt(7)));
            }
        }
        return rows;
    }

    private static long loadedBatches() throws SQLException {
        var endpoints = stack.endpoints();
        try (var connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUser(),
                endpoints.jdbcPassword());
             var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM tributary_meta.load_batches"
                     + " WHERE table_name = 'log_functions_analysis'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every line of every landed object, after checking each key follows the landing layout. */
    private static List<VehicleEvent> landedEvents() throws java.io.IOException {
        var endpoints = stack.endpoints();
        var credentials = new S3Credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey());
        List<VehicleEvent> events = new ArrayList<>();
        try (S3Client s3 = S3Clients.create(endpoints.s3Endpoint(), endpoints.s3Region(), credentials)) {
            var listing = s3.listObjectsV2Paginator(b -> b.bucket(endpoints.bucket())
                    .prefix(LandingLayout.topicPrefix(LandingLayout.DEFAULT_TOPICS_DIR, Topics.VEHICLE_EVENTS)));
            // the Spark job creates the (empty) landing prefix at start: S3A marks directories with a "/" object
            for (var object : listing.contents().stream().filter(o -> !o.key().endsWith("/")).toList()) {
                assertThat(object.key()).matches(
                        "landing/vehicle\\.events/dt=\\d{4}-\\d{2}-\\d{2}/vehicle\\.events\\+0\\+\\d{10}\\.jsonl\\.gz");
                try (var in = new java.util.zip.GZIPInputStream(
                        s3.getObject(b -> b.bucket(endpoints.bucket()).key(object.key())));
                     var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                    reader.lines().filter(line -> !line.isBlank()).forEach(line ->
                            events.add(VehicleEventJson.decode(line.getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        return events;
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
