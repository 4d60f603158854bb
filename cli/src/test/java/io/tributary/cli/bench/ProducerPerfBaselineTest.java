package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProducerPerfBaselineTest {

    @Test
    void theClosingLineIsReadAndItsMebibytesBecomeMegabytes() {
        String output = """
                SLF4J: some noise
                412345 records sent, 82469.0 records/sec (9.44 MB/sec), 512.3 ms avg latency, 1800.0 ms max latency.
                500000 records sent, 98231.4 records/sec (11.25 MB/sec), 401.22 ms avg latency, 1802.00 ms max latency, 350 ms 50th, 1100 ms 95th, 1500 ms 99th, 1790 ms 99.9th.
                """;

        var total = ProducerPerfBaseline.parse(output).orElseThrow();

        assertThat(total.records()).isEqualTo(500_000);
        assertThat(total.recordsPerSecond()).isEqualTo(98231.4);
        assertThat(total.avgLatencyMs()).isEqualTo(401.22);
        assertThat(total.mbPerSecond()).isCloseTo(11.25 * 1.048576, within(1e-9));
    }

    @Test
    void outputWithoutAClosingLineHasNoTotal() {
        assertThat(ProducerPerfBaseline.parse("Exception in thread main")).isEmpty();
    }

    @Test
    void theToolGetsThePublishersSettingsButKeepsItsOwnSerializers() {
        List<String> args = ProducerPerfBaseline.arguments("127.0.0.1:9092", "t", 1000, Path.of("/tmp/p.txt"));

        assertThat(args).containsSequence("--topic", "t", "--num-records", "1000", "--throughput", "-1",
                "--payload-file", "/tmp/p.txt", "--producer-props");
        assertThat(args).contains("acks=all", "enable.idempotence=true", "compression.type=lz4", "linger.ms=15",
                "batch.size=196608", "bootstrap.servers=127.0.0.1:9092", "client.id=tributary-bench-producer-perf");
        assertThat(args).noneMatch(a -> a.startsWith("key.serializer") || a.startsWith("value.serializer"));
    }

    @Test
    void recordCountIsTheRunsLinesWithinAFloorAndTheHeapCap() {
        // a small run still sends a million records; a large one is capped at 128 MB of 64-byte lines
        assertThat(ProducerPerfBaseline.records(100_000, 64, 128_000_000)).isEqualTo(1_000_000);
        assertThat(ProducerPerfBaseline.records(1_500_000, 64, 128_000_000)).isEqualTo(1_500_000);
        assertThat(ProducerPerfBaseline.records(14_500_000, 64, 128_000_000)).isEqualTo(2_000_000);
    }
}
