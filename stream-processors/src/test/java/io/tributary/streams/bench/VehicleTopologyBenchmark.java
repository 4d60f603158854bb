package io.tributary.streams.bench;

import io.tributary.events.Topics;
import io.tributary.producers.fleet.FleetRun;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.producers.EmbeddedKafka;
import io.tributary.streams.app.StreamsApp;
import io.tributary.streams.app.StreamsAppMain;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run by hand (not a test): the vehicle topology's throughput on one stream thread with exactly-once, in a child JVM
 * capped at {@code -Xmx512m} whose heap is sampled with jstat. A backlog of N fleet lines (4 partitions) is loaded
 * first; the rate is measured from the application's committed input offsets.
 * {@code java -cp <test classpath> io.tributary.streams.bench.VehicleTopologyBenchmark [lines] [commitMs] [key=value…]}
 */
public final class VehicleTopologyBenchmark {
    private VehicleTopologyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String commitMs = args.length > 1 ? args[1] : "1000";
        try (var kafka = EmbeddedKafka.start()) {
            try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                StreamsApp.createTopics(admin, 4);
            }
            try (var publisher = new LogPublisher(LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS,
                    kafka.bootstrapServers())))) {
                FleetRun.publish(new FleetSimulator(FleetSpec.of(1, 200, lines).withRecordCalls(false)), publisher,
                        Topics.VEHICLE_LOGS_RAW, 0, p -> { });
            }
            Path state = Files.createTempDirectory("bench-state");
            var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), StreamsAppMain.class.getName(),
                    "kafka.bootstrap.servers=" + kafka.bootstrapServers(), "streams.application.id=bench",
                    "streams.state.dir=" + state, "streams.web.enabled=false", "streams.num.stream.threads=1",
                    "streams.commit.interval.ms=" + commitMs, "streams.override.auto.offset.reset=earliest"));
            // further arguments are settings for the application, e.g. streams.override.max.poll.records=5000
            command.addAll(List.of(args).subList(Math.min(2, args.length), args.length));
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(state.resolve("child.log").toFile()).start();
            try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                long firstNanos = 0;
                long firstCommitted = 0;
                long peakHeap = 0;
                long nextSample = 0;
                while (true) {
                    long committed = admin.listConsumerGroupOffsets("bench").partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS).values().stream().mapToLong(OffsetAndMetadata::offset).sum();
                    long now = System.nanoTime();
                    if (committed > 0 && firstNanos == 0) {
                        firstNanos = now;
                        firstCommitted = committed;
                    }
                    if (now > nextSample) {
                        peakHeap = Math.max(peakHeap, usedHeapBytes(child.pid()));
                        nextSample = now + TimeUnit.SECONDS.toNanos(1);
                    }
                    if (committed >= lines) {
                        double seconds = (now - firstNanos) / 1e9;
                        System.out.printf("vehicle topology, 1 stream thread, exactly_once_v2, commit %s ms: %d lines "
                                        + "in %.1f s after the first commit = %.0f lines/s; peak used heap %d MB "
                                        + "(-Xmx512m)%n", commitMs, committed - firstCommitted, seconds,
                                (committed - firstCommitted) / seconds, peakHeap / 1024 / 1024);
                        break;
                    }
                    // waits for the next sample, and notices at once if the Streams JVM died meanwhile
                    if (child.waitFor(100, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("Streams JVM died; see " + state.resolve("child.log"));
                    }
                }
            } finally {
                child.destroyForcibly().waitFor();
            }
        }
    }

    /** S0U + S1U + EU + OU of {@code jstat -gc}: heap in use, garbage included. */
    private static long usedHeapBytes(long pid) throws Exception {
        Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
                Long.toString(pid)).redirectErrorStream(true).start();
        try (var reader = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
            String[] header = reader.readLine().trim().split("\\s+");
            String line = reader.readLine();
            if (line == null) {
                return 0;
            }
            String[] values = line.trim().split("\\s+");
            double kb = 0;
            for (int i = 0; i < header.length; i++) {
                if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
                    kb += Double.parseDouble(values[i]);
                }
            }
            return (long) (kb * 1024);
        } finally {
            jstat.waitFor();
        }
    }
}
