package io.tributary.cli.chaos;

import io.tributary.cli.pipeline.PipelineCounts;
import io.tributary.cli.pipeline.PipelineService;
import io.tributary.monitor.status.ProcessRow;

import java.util.function.Supplier;

/** The chaos run's periodic line: published, processed, loaded, and how the processes are. */
final class ChaosProgress implements Supplier<String> {
    private final Supplier<PipelineService> service;
    private final ChaosPublisher publisher;
    private final long lines;
    private final long t0 = System.nanoTime();

    ChaosProgress(Supplier<PipelineService> service, ChaosPublisher publisher, long lines) {
        this.service = service;
        this.publisher = publisher;
        this.lines = lines;
    }

    @Override
    public String get() {
        PipelineService current = service.get();
        var processes = current.processRows();
        long running = processes.stream().filter(p -> "RUNNING".equals(p.state())).count();
        int restarts = processes.stream().mapToInt(ProcessRow::restarts).sum();
        String counts;
        try {
            PipelineCounts c = current.pipeline().counts(false);
            counts = String.format("landed %5.1f%% | loaded %,d calls, %,d requests", c.allLandedPercent(),
                    c.callsLoaded(), c.web().requestsLoaded());
        } catch (RuntimeException e) {
            counts = "counts unavailable (" + e.getClass().getSimpleName() + ": a server is restarting)";
        }
        return String.format("  %4.0fs | published %,d/%,d | %s | processes %d/%d running, %d restart(s)",
                (System.nanoTime() - t0) / 1e9, publisher.acknowledged(), lines, counts, running, processes.size(),
                restarts);
    }
}
