package io.tributary.cli;

import io.tributary.cli.pipeline.PipelineService;
import io.tributary.stack.StackServer;

import java.io.PrintStream;
import java.time.Duration;

/** Prints each server and stage as it becomes ready: what it is, where it listens, how long it took. */
public final class StackPrinter implements PipelineService.Listener {
    private final PrintStream out;

    public StackPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void ready(StackServer server, String address, Duration took, long pid) {
        out.printf("  ready  %-18s %-45s %5.1f s  (pid %d)%n", server.id(), address, took.toMillis() / 1000.0, pid);
        out.flush();
    }

    @Override
    public void started(String stage, String detail) {
        out.printf("  ready  %-18s %s%n", stage, detail);
        out.flush();
    }
}
