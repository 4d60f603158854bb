package io.tributary.streams.bench;

import io.tributary.events.Topics;
import io.tributary.producers.BenchBroker;
import io.tributary.producers.bench.ProcessCpu;
import io.tributary.producers.fleet.FleetRun;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.publish.LogPublisherConfig;
import io.tributary.streams.app.StreamsApp;
import io.tributary.streams.app.StreamsAppMain;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run by hand (not a test): the vehicle topology's throughput on one stream thread with exactly-once, in a child JVM
 * capped at {@code -Xmx512m} whose heap is sampled with jstat. A backlog of N fleet lines (4 partitions) is loaded
 * once; then each run starts a fresh application (new application.id, empty state) that processes the whole backlog,
 * and its rate is measured from its committed input offsets, from the first commit after a warm-up share of the
 * backlog ({@code -Dbench.warmup.share}, default 0.25) to the last. The broker runs in a
 * child JVM ({@code ChildKafka}, -Xmx1g) unless {@code -Dbench.broker=embedded}; each run prints the Streams JVM's and
 * the broker's CPU seconds over the measured span and the load average.
 * <pre>
 * java -cp &lt;test classpath&gt; io.tributary.streams.bench.VehicleTopologyBenchmark [lines] [runs] [key=value…]
 *   key=value…                          settings for every run, e.g. streams.override.max.poll.records=5000
 *   -Dbench.variants="a|k=v k=v;b|k=v"  alternate named variants each round, each with its own settings
 *   -Dbench.variant.&lt;name&gt;.classpath=…   a variant's Streams JVM runs on another classpath (A/B of two builds)
 *   -Dbench.variant.&lt;name&gt;.jvm.args=…    and with these extra JVM options
 *   -Dbench.child.jvm.args="…"          extra JVM options of the Streams JVM (JFR)
 * </pre>
 */
public final class VehicleTopologyBenchmark {
    /**
     * The measured span starts once this share of the backlog is committed: the first part is spent on JIT compiling
     * (C2 took several CPU seconds) and RocksDB/producer warm-up, not on the steady state that the target is about.
     */
    private static final double WARMUP_SHARE = Double.parseDouble(System.getProperty("bench.warmup.share", "0.25"));
    private VehicleTopologyBenchmark() {
    }

    record Variant(String name, List<String> settings, String classpath, List<String> jvmArgs) {
    }

    record Run(String variant, int round, long lines, double seconds, double streamsCpu, double brokerCpu,
               long peakHeapMb, String load) {
        @Override
        public String toString() {
            return String.format("%-12s round %d: %,9.0f lines/s (%,d lines in %.1f s)  Streams CPU %.1f s = %.1f us/line"
                            + "  broker CPU %.1f s = %.1f us/line  peak heap %d MB  load %s", variant, round,
                    lines / seconds, lines, seconds, streamsCpu, streamsCpu / lines * 1e6, brokerCpu,
                    brokerCpu / lines * 1e6, peakHeapMb, load);
        }
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<String> common = List.of(args).subList(Math.min(2, args.length), args.length);
        List<Variant> variants = variants(common);
        var broker = BenchBroker.start();
        String bootstrap = broker.bootstrapServers();
        long brokerPid = broker.pid();
        try (broker; var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            StreamsApp.createTopics(admin, 4);
            try (var publisher = new LogPublisher(LogPublisherConfig.of(Map.of(LogPublisherConfig.BOOTSTRAP_SERVERS,
                    bootstrap)))) {
                FleetRun.publish(new FleetSimulator(FleetSpec.of(1, 200, lines).withRecordCalls(false)), publisher,
                        Topics.VEHICLE_LOGS_RAW, 0, p -> { });
            }
            var runs = new ArrayList<Run>();
            for (int round = 1; round <= rounds; round++) {
                for (Variant variant : variants) {
                    Run run = run(admin, bootstrap, brokerPid, variant, round, lines);
                    runs.add(run);
                    System.out.println("== " + run);
                }
            }
            System.out.println("\nvehicle topology, 1 stream thread, exactly_once_v2, -Xmx512m, " + lines
                    + " fleet lines, broker " + (broker.embedded() ? "in the loading JVM" : "in a child JVM") + ":");
            runs.forEach(run -> System.out.println("  " + run));
        }
    }

    private static List<Variant> variants(List<String> common) {
        var variants = new ArrayList<Variant>();
        for (String spec : System.getProperty("bench.variants", "default|").split(";")) {
            String name = spec.substring(0, spec.indexOf('|'));
            var settings = new ArrayList<>(common);
            String own = spec.substring(spec.indexOf('|') + 1).trim();
            if (!own.isEmpty()) {
                settings.addAll(List.of(own.split("\\s+")));
            }
            String jvmArgs = System.getProperty("bench.variant." + name + ".jvm.args", "").trim();
            variants.add(new Variant(name, settings, System.getProperty("bench.variant." + name + ".classpath",
                    System.getProperty("java.class.path")), jvmArgs.isEmpty() ? List.of() : List.of(jvmArgs.split("\\s+"))));
        }
        return variants;
    }

    private static Run run(Admin admin, String bootstrap, long brokerPid, Variant variant, int round, long lines)
            throws Exception {
        String applicationId = "bench-" + variant.name() + "-" + round;
        Path state = Files.createTempDirectory("bench-state");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        // e.g. -Dbench.child.jvm.args=-XX:StartFlightRecording=filename=/tmp/streams.jfr,settings=profile
        String childJvmArgs = System.getProperty("bench.child.jvm.args", "").trim();
        if (!childJvmArgs.isEmpty()) {
            command.addAll(List.of(childJvmArgs.split("\\s+")));
        }
        command.addAll(variant.jvmArgs());
        command.addAll(List.of("-cp", variant.classpath(), StreamsAppMain.class.getName(),
                "kafka.bootstrap.servers=" + bootstrap, "streams.application.id=" + applicationId,
                "streams.state.dir=" + state, "streams.web.enabled=false", "streams.num.stream.threads=1",
                "streams.override.auto.offset.reset=earliest"));
        command.addAll(variant.settings());
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(state.resolve("child.log").toFile()).start();
        try {
            long firstNanos = 0;
            long firstCommitted = 0;
            double firstStreamsCpu = 0;
            double firstBrokerCpu = 0;
            String load = "";
            long peakHeap = 0;
            long nextSample = 0;
            while (true) {
                long committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS).values().stream().mapToLong(OffsetAndMetadata::offset).sum();
                long now = System.nanoTime();
                if (committed > lines * WARMUP_SHARE && firstNanos == 0) {
                    firstNanos = now;
                    firstCommitted = committed;
                    firstStreamsCpu = ProcessCpu.seconds(child.pid());
                    firstBrokerCpu = ProcessCpu.seconds(brokerPid);
                    load = ProcessCpu.loadAverage();
                }
                if (now > nextSample) {
                    peakHeap = Math.max(peakHeap, usedHeapBytes(child.pid()));
                    nextSample = now + TimeUnit.SECONDS.toNanos(1);
                }
                if (committed >= lines) {
                    deleteOnExit(state);
                    return new Run(variant.name(), round, committed - firstCommitted, (now - firstNanos) / 1e9,
                            ProcessCpu.seconds(child.pid()) - firstStreamsCpu,
                            ProcessCpu.seconds(brokerPid) - firstBrokerCpu, peakHeap / 1024 / 1024,
                            load + " -> " + ProcessCpu.loadAverage());
                }
                // waits for the next sample, and notices at once if the Streams JVM died meanwhile
                if (child.waitFor(100, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("Streams JVM died; see " + state.resolve("child.log"));
                }
            }
        } finally {
            // a clean stop, so a JFR recording of the child is written
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a temp dir left behind
            }
        }));
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
