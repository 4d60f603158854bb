package io.tributary.cli.stage;

import io.tributary.stack.process.ManagedProcess;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalInt;

/** Waits for a job's JVM to end, printing a progress line (its newest batch line) every interval. */
public final class JobWatch {
    private JobWatch() {
    }

    /** The job's exit code once it ended. */
    public static int await(ManagedProcess job, Duration interval, PrintWriter out, String name) throws InterruptedException {
        long started = System.nanoTime();
        OptionalInt exit = OptionalInt.empty();
        while (exit.isEmpty()) {
            exit = job.waitFor(interval);
            if (exit.isEmpty()) {
                out.printf("%s: running for %d s; %s%n", name, (System.nanoTime() - started) / 1_000_000_000L,
                        lastBatchLine(job));
                out.flush();
            }
        }
        out.printf("%s: %s after %d s; log %s%n%s%n", name, exit.getAsInt() == 0 ? "done" : "FAILED (exit "
                        + exit.getAsInt() + ")", (System.nanoTime() - started) / 1_000_000_000L, job.logFile(),
                exit.getAsInt() == 0 ? "" : job.logTail(20));
        out.flush();
        return exit.getAsInt();
    }

    private static String lastBatchLine(ManagedProcess job) {
        String tail = job.logTail(200);
        String last = "no batch finished yet";
        for (String line : tail.split("\\R")) {
            if (line.contains(" batch ") && line.contains("):")) {
                last = line.substring(Math.max(0, line.indexOf(" - ") + 3));
            }
        }
        return last;
    }
}
