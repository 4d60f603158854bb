package io.tributary.producers.ship;

import io.tributary.events.Topics;
import io.tributary.producers.publish.LogPublisher;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileShipperTest {
    @TempDir
    Path temp;

    record Sent(String topic, String key, String value, String source, String seq) {
        static Sent of(ProducerRecord<String, String> r) {
            return new Sent(r.topic(), r.key(), r.value(), header(r, "source"), header(r, "seq"));
        }

        private static String header(ProducerRecord<String, String> r, String name) {
            var h = r.headers().lastHeader(name);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    }

    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());

    private FileShipper.Report ship(Path offsets, Path... paths) {
        var publisher = new LogPublisher(producer, Duration.ofSeconds(5));
        return new FileShipper(publisher, new ShipOffsets(offsets)).ship(ShipFile.expand(List.of(paths), null),
                p -> { });
    }

    private Path seedFolder() throws IOException {
        Path day = Files.createDirectories(temp.resolve("raw_logs/20200101"));
        Files.writeString(day.resolve("a.csv"), "Vehicle_id,timestamp,function,event\r\n"
                + "V1,1577836800.1,lidar_fusion,start\r\nV2,1577836800.2,brake_control,start\r\n");
        Files.writeString(day.resolve("b.csv"), "{\"vehicle_id\":\"V3\",\"ts\":1577836801,\"function\":\"f\","
                + "\"event\":\"end\"}\n");
        Path logs = Files.createDirectories(temp.resolve("logs"));
        Files.writeString(logs.resolve("hotels-east.access.log"), "203.0.113.9 - - [01/Jan/2020:00:00:00 +0000] "
                + "\"GET / HTTP/1.1\" 200 10 \"-\" \"x\"\n");
        return temp;
    }

    @Test
    void shipsEveryLineKeyedWithItsFileIdentityAndLineNumber() throws IOException {
        seedFolder();
        var report = ship(temp.resolve("offsets"), temp.resolve("raw_logs"), temp.resolve("logs"));
        assertThat(report).isEqualTo(new FileShipper.Report(3, 5, 0));
        assertThat(producer.history()).map(Sent::of).containsExactly(
                new Sent(Topics.VEHICLE_LOGS_RAW, "Vehicle_id", "Vehicle_id,timestamp,function,event",
                        "ship:20200101/a.csv", "1"),
                new Sent(Topics.VEHICLE_LOGS_RAW, "V1", "V1,1577836800.1,lidar_fusion,start", "ship:20200101/a.csv",
                        "2"),
                new Sent(Topics.VEHICLE_LOGS_RAW, "V2", "V2,1577836800.2,brake_control,start",
                        "ship:20200101/a.csv", "3"),
                new Sent(Topics.VEHICLE_LOGS_RAW, "V3", "{\"vehicle_id\":\"V3\",\"ts\":1577836801,\"function\":\"f\","
                        + "\"event\":\"end\"}", "ship:20200101/b.csv", "1"),
                new Sent(Topics.WEB_LOGS_RAW, "hotels-east", "203.0.113.9 - - [01/Jan/2020:00:00:00 +0000] "
                        + "\"GET / HTTP/1.1\" 200 10 \"-\" \"x\"", "ship:" + temp.resolve("logs/hotels-east.access.log")
                        .toRealPath(), "1"));
    }

    @Test
    void secondRunResumesAfterWhatTheFirstShipped() throws IOException {
        seedFolder();
        Path offsets = temp.resolve("offsets");
        ship(offsets, temp.resolve("raw_logs"));
        producer.clear();
        assertThat(ship(offsets, temp.resolve("raw_logs"))).isEqualTo(new FileShipper.Report(2, 0, 4));
        assertThat(producer.history()).isEmpty();

        Files.writeString(temp.resolve("raw_logs/20200101/a.csv"), "V1,1577836800.3,lidar_fusion,end\n",
                StandardOpenOption.APPEND);
        assertThat(ship(offsets, temp.resolve("raw_logs"))).isEqualTo(new FileShipper.Report(2, 1, 4));
        assertThat(producer.history()).map(Sent::of).containsExactly(new Sent(Topics.VEHICLE_LOGS_RAW, "V1",
                "V1,1577836800.3,lidar_fusion,end", "ship:20200101/a.csv", "4"));
    }

    @Test
    void movedFolderKeepsItsIdentities() throws IOException {
        seedFolder();
        Path moved = Files.createDirectories(temp.resolve("elsewhere"));
        Files.move(temp.resolve("raw_logs"), moved.resolve("raw_logs"));
        ship(temp.resolve("offsets"), moved);
        assertThat(producer.history()).map(Sent::of).extracting(Sent::source).containsOnly("ship:20200101/a.csv",
                "ship:20200101/b.csv");
    }

    @Test
    void missingPathIsNamed() {
        assertThatThrownBy(() -> ShipFile.expand(List.of(temp.resolve("nope")), null))
                .hasMessage("no such file or directory: " + temp.resolve("nope"));
    }

    @Test
    void failedSendStopsBeforeTheCheckpointSoTheNextRunShipsItAgain() throws IOException {
        seedFolder();
        var failing = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        failing.sendException = new org.apache.kafka.common.errors.TimeoutException("broker down");
        var shipper = new FileShipper(new LogPublisher(failing, Duration.ofSeconds(5)),
                new ShipOffsets(temp.resolve("offsets")));
        var files = ShipFile.expand(List.of(temp.resolve("raw_logs")), null);
        assertThatThrownBy(() -> shipper.ship(files, p -> { })).hasMessageContaining("could not publish lines of")
                .hasMessageContaining("a.csv").hasMessageContaining("broker down");
        assertThat(new ShipOffsets(temp.resolve("offsets")).shippedLines(files.get(0))).isZero();
    }
}
