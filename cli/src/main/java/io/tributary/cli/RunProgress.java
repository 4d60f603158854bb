package io.tributary.cli;

import io.tributary.cli.pipeline.Pipeline;
import io.tributary.cli.pipeline.PipelineCounts;
import io.tributary.cli.pipeline.PipelineService;
import io.tributary.cli.pipeline.Rate;
import io.tributary.monitor.status.ProcessRow;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/** The periodic line of {@code tributary run}: what moved since the last line, and how the processes are. */
final class RunProgress implements Supplier<String> {
    private final PipelineService service;
    private final Rate parsedRate = new Rate();
    private final Rate loadedRate = new Rate();

    RunProgress(PipelineService service) {
        this.service = service;
    }

    @Override
    public String get() {
        List<ProcessRow> processes = service.processRows();
        long running = processes.stream().filter(p -> "RUNNING".equals(p.state())).count();
        int restarts = processes.stream().mapToInt(ProcessRow::restarts).sum();
        String health = String.format("processes %d/%d running, %d restart(s)%s", running, processes.size(), restarts,
                processes.stream().filter(p -> !"RUNNING".equals(p.state()))
                        .map(p -> "; " + p.name() + " " + p.state()
                                + (p.lastExit() == null ? "" : " (" + p.lastExit() + ")"))
                        .reduce("", String::concat));
        String time = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Pipeline pipeline = service.pipeline();
        if (pipeline == null) {
            return "  " + time + "  " + health;
        }
        PipelineCounts c = pipeline.counts(false);
        long parsed = c.parsed() + c.web().parsed();
        long loaded = c.callsLoaded() + c.web().requestsLoaded();
        return String.format("  %s  streams parsed %,d (%s), dlq %,d | landed %.1f%% | loaded %,d calls, %,d requests"
                        + " (%s) | %s", time, parsed, Rate.human(parsedRate.update(parsed)),
                c.deadLettered() + c.web().deadLettered(), c.allLandedPercent(), c.callsLoaded(),
                c.web().requestsLoaded(), Rate.human(loadedRate.update(loaded)), health);
    }
}
