package io.tributary.cli.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints one progress line at a fixed period until closed; the line is computed by the caller. */
public final class ProgressTicker implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "progress");
        thread.setDaemon(true);
        return thread;
    });

    public ProgressTicker(PrintStream out, Duration period, Supplier<String> line) {
        timer.scheduleAtFixedRate(() -> {
            try {
                out.println(line.get());
            } catch (RuntimeException e) {
                // a failed probe must not stop the ticker: the next tick tries again and says what it sees
                out.println("  (progress probe failed: " + e.getMessage() + ")");
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
