package io.tributary.producers.http;

import io.tributary.events.Topics;
import io.tributary.producers.EmbeddedKafka;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HttpIngestIT {
    private static EmbeddedKafka kafka;
    private static HttpIngestServer server;
    private static LogPublisher publisher;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopic(Topics.VEHICLE_LOGS_RAW, 2);
        kafka.createTopic(Topics.WEB_LOGS_RAW, 2);
        publisher = new LogPublisher(LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS,
                kafka.bootstrapServers(), LogPublisherConfig.LINGER_MS, "1")));
        server = HttpIngestServer.start("127.0.0.1", 0, publisher, 4096, Duration.ofSeconds(30), 4);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        publisher.close();
        kafka.close();
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptedLinesAreInKafkaWhenTheAnswerComes() throws Exception {
        String csv = "V7,1577836800.5,lidar_fusion,start\r\nV7,1577836801,lidar_fusion,end\n"
                + "{\"vehicle_id\":\"V8\",\"ts\":\"2020-01-01T00:00:02Z\",\"function\":\"f\",\"event\":\"start\"}\n";
        var response = post(server.port(), HttpIngestServer.VEHICLE_PATH, csv);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":3,\"topic\":\"vehicle.logs.raw\"}\n");
        // 202 means acknowledged: the lines are readable right away, keyed by vehicle
        assertThat(consume(Topics.VEHICLE_LOGS_RAW, 3, r -> r.key().equals("V7") || r.key().equals("V8")))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("V7", "V7,1577836800.5,lidar_fusion,start"),
                        org.assertj.core.groups.Tuple.tuple("V7", "V7,1577836801,lidar_fusion,end"),
                        org.assertj.core.groups.Tuple.tuple("V8", "{\"vehicle_id\":\"V8\",\"ts\":"
                                + "\"2020-01-01T00:00:02Z\",\"function\":\"f\",\"event\":\"start\"}"));
    }

    @Test
    void webLinesTakeTheirSiteFromTheQueryOrTheJsonObject() throws Exception {
        String line = "203.0.113.9 - - [01/Jan/2020:00:00:00 +0000] \"GET / HTTP/1.1\" 200 10 \"-\" \"x\" 0.012";
        assertThat(post(server.port(), HttpIngestServer.WEB_PATH + "?site=hotels-south", line).statusCode())
                .isEqualTo(202);
        assertThat(post(server.port(), HttpIngestServer.WEB_PATH, "{\"site\":\"hotels-east\",\"line\":\""
                + line.replace("\"", "\\\"") + "\"}").statusCode()).isEqualTo(202);
        assertThat(consume(Topics.WEB_LOGS_RAW, 2)).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("hotels-south", line),
                        org.assertj.core.groups.Tuple.tuple("hotels-east", line));
    }

    @Test
    void badLineGets400NamingItAndNothingIsPublished() throws Exception {
        var response = post(server.port(), HttpIngestServer.VEHICLE_PATH,
                "V1,1577836800,f,start\nV1,1577836801,f\nV1,1577836802,f,end\n");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"line 2: expected vehicle_id,timestamp,function,event "
                + "(4 comma-separated fields) or a JSON object, found 3 field(s): 'V1,1577836801,f'\",\"published\":0}\n");
        var web = post(server.port(), HttpIngestServer.WEB_PATH, "203.0.113.9 - - [01/Jan/2020:00:00:00 +0000] "
                + "\"GET / HTTP/1.1\" 200 10 \"-\" \"x\"");
        assertThat(web.statusCode()).isEqualTo(400);
        assertThat(web.body()).contains("line 1: no site");
    }

    @Test
    void retryWithTheSameIdempotencyKeyRepeatsTheLinesIdentityAndABadKeyGets400() throws Exception {
        String body = "V9,1577836800,lidar_fusion,start\nV9,1577836801,lidar_fusion,end\n";
        for (int attempt = 0; attempt < 2; attempt++) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + HttpIngestServer.VEHICLE_PATH)).header(HttpIngestServer.IDEMPOTENCY_KEY, "req-42")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);
        }
        // (source, seq) is what the stream processors derive the event id from: the retry's lines are duplicates
        assertThat(consume(Topics.VEHICLE_LOGS_RAW, 4, r -> r.key().equals("V9")).stream()
                .map(r -> header(r, "source") + "#" + header(r, "seq") + " " + r.value()))
                .containsExactlyInAnyOrder(
                        "http-ingest:req-42#0 V9,1577836800,lidar_fusion,start",
                        "http-ingest:req-42#1 V9,1577836801,lidar_fusion,end",
                        "http-ingest:req-42#0 V9,1577836800,lidar_fusion,start",
                        "http-ingest:req-42#1 V9,1577836801,lidar_fusion,end");

        var bad = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + HttpIngestServer.VEHICLE_PATH)).header(HttpIngestServer.IDEMPOTENCY_KEY, "no spaces please")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Idempotency-Key must be 1 to 128 characters");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void bodyOverTheLimitGets413() throws Exception {
        var response = post(server.port(), HttpIngestServer.VEHICLE_PATH, "V1,1577836800,f,start\n".repeat(300));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("over 4096 bytes");
    }

    @Test
    void unreachableKafkaGets503() throws Exception {
        try (var deadPublisher = new LogPublisher(LogPublisherConfig.of(Map.of(
                LogPublisherConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1", LogPublisherConfig.MAX_BLOCK_MS, "1000",
                LogPublisherConfig.DELIVERY_TIMEOUT_MS, "2000", LogPublisherConfig.CLOSE_TIMEOUT_MS, "0",
                "publisher.producer.request.timeout.ms", "1000")));
             var deadServer = HttpIngestServer.start("127.0.0.1", 0, deadPublisher, 4096, Duration.ofSeconds(10), 2)) {
            var response = post(deadServer.port(), HttpIngestServer.VEHICLE_PATH, "V1,1577836800,f,start\n");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.body()).startsWith("{\"error\":\"Kafka unavailable: ");
        }
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int count) {
        return consume(topic, count, r -> true);
    }

    /** Records of the topic that match, once at least {@code count} of them are there. */
    private static List<ConsumerRecord<String, String>> consume(String topic, int count,
                                                                java.util.function.Predicate<ConsumerRecord<String, String>> matching) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "group.id", "it-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (matching.test(r)) {
                        records.add(r);
                    }
                });
                return records.size() >= count;
            });
        }
        return records;
    }
}
