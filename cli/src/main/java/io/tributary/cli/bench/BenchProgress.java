package io.tributary.cli.bench;

import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.PeakMemory;
import io.tributary.cli.pipeline.PipelineCounts;
import io.tributary.cli.pipeline.Rate;
import io.tributary.stack.LocalStack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The bench's progress line (a bar of rows loaded plus per-stage counts and rates); samples memory as it goes. */
final class BenchProgress implements Supplier<String> {
    private final LocalStack stack;
    private final Pipeline pipeline;
    private final StageWatch watch;
    private final long lines;
    private final long rows;
    final PeakMemory memory = new PeakMemory();
    final MixedRun.Acked acked = new MixedRun.Acked();
    private final Rate producedRate = new Rate();
    private final Rate parsedRate = new Rate();
    private final Rate loadedRate = new Rate();
    private final long t0 = System.nanoTime();

    /**
     * @param lines raw lines of the run (both simulators)
     * @param rows  rows that make the run complete: calls plus web requests
     */
    BenchProgress(LocalStack stack, Pipeline pipeline, StageWatch watch, long lines, long rows) {
        this.stack = stack;
        this.pipeline = pipeline;
        this.watch = watch;
        this.lines = lines;
        this.rows = rows;
    }

    @Override
    public String get() {
        sampleMemory();
        PipelineCounts c = watch.last.get();
        if (c == null) {
            return "  waiting for the first counts ...";
        }
        long loaded = c.callsLoaded() + c.web().requestsLoaded();
        long parsed = c.parsed() + c.web().parsed();
        double share = rows == 0 ? 1 : Math.min(1.0, (double) loaded / rows);
        int filled = (int) Math.round(share * 20);
        return String.format("  [%s%s] %5.1f%% %5.0fs | produced %,d/%,d (%s) | parsed %,d (%s) dlq %,d | landed %5.1f%%"
                        + " | loaded %,d calls + %,d requests (%s)",
                "#".repeat(filled), ".".repeat(20 - filled), share * 100, (System.nanoTime() - t0) / 1e9,
                acked.total(), lines, Rate.human(producedRate.update(acked.total())),
                parsed, Rate.human(parsedRate.update(parsed)), c.deadLettered() + c.web().deadLettered(),
                c.allLandedPercent(), c.callsLoaded(), c.web().requestsLoaded(), Rate.human(loadedRate.update(loaded)));
    }

    /** The processes of the run by name, each with whether its descendants count as part of it. */
    Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> p = new LinkedHashMap<>();
        stack.servers().forEach((server, process) -> p.put(server.id() + " jvm", process.handle()));
        stack.postgresServerProcess().ifPresent(server -> p.put("postgres server", server));
        pipeline.streamsProcess().ifPresent(process -> p.put("streams jvm", process.handle()));
        pipeline.sparkJob().ifPresent(process -> p.put("spark jvm", process.handle()));
        return p;
    }

    void sampleMemory() {
        // the CLI's children are the stack's servers, reported on their own: sample the CLI JVM alone
        memory.sample(CLI, ProcessHandle.current());
        processes().forEach((name, handle) -> {
            if (handle.isAlive()) {
                memory.sampleTree(name, handle);
            }
        });
    }

    /** CPU ticks per process now: the CLI alone, every other process with its descendants. */
    Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put(CLI, CpuTimes.ticks(ProcessHandle.current().pid()).orElse(0));
        processes().forEach((name, handle) -> ticks.put(name, CpuTimes.treeTicks(handle)));
        return ticks;
    }

    static final String CLI = "tributary cli (publishers)";
}
