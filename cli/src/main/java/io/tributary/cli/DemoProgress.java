package io.tributary.cli;

import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.PipelineService;
import io.tributary.cli.pipeline.PeakMemory;
import io.tributary.cli.pipeline.PipelineCounts;
import io.tributary.cli.pipeline.Rate;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The demo's periodic progress line (produced / parsed / landed / loaded, with rates); also samples peak memory. */
final class DemoProgress implements Supplier<String> {
    private final PipelineService service;
    private final Pipeline pipeline;
    private final PeakMemory memory;
    final AtomicLong produced = new AtomicLong();
    final AtomicLong expectedCalls = new AtomicLong(-1);
    final AtomicLong webProduced = new AtomicLong();
    final AtomicLong expectedRequests = new AtomicLong(-1);
    private final Rate producedRate = new Rate();
    private final Rate landedRate = new Rate();
    private final Rate loadedRate = new Rate();

    DemoProgress(PipelineService service, PeakMemory memory) {
        this.service = service;
        this.pipeline = service.pipeline();
        this.memory = memory;
    }

    @Override
    public String get() {
        sampleMemory();
        PipelineCounts c = pipeline.counts();
        long expected = expectedCalls.get();
        long requests = expectedRequests.get();
        String line = String.format("  produced %,9d (%7s) | parsed %,9d, dlq %,d | landed %5.1f%% (%7s, lag %,d offsets)"
                        + " | loaded %,9d%s calls (%7s)",
                produced.get(), Rate.human(producedRate.update(produced.get())),
                c.parsed(), c.deadLettered(),
                c.landedPercent(), Rate.human(landedRate.update(c.landedOffset())), c.landingLag(),
                c.callsLoaded(), expected < 0 ? "" : String.format(" / %,d", expected),
                Rate.human(loadedRate.update(c.callsLoaded())));
        if (webProduced.get() == 0 && c.web().handled() == 0) {
            return line;
        }
        return line + String.format(" | web: produced %,d, parsed %,d, loaded %,d%s requests", webProduced.get(),
                c.web().parsed(), c.web().requestsLoaded(), requests < 0 ? "" : String.format(" / %,d", requests));
    }

    void sampleMemory() {
        memory.sample("tributary cli", ProcessHandle.current());
        service.stack().ifPresent(stack -> {
            stack.servers().forEach((server, process) -> memory.sample(server.id() + " jvm", process));
            stack.postgresServerProcess().ifPresent(server -> memory.sampleTree("postgres server", server));
        });
        pipeline.streamsProcess().ifPresent(process -> memory.sample("streams jvm", process));
        pipeline.sparkJob().ifPresent(process -> memory.sample("spark jvm", process));
    }
}
