package io.tributary.stack.process;

import io.tributary.stack.StackStartException;
import java.time.Duration;

/** Polls a readiness probe while watching that the server's JVM is still alive. */
public final class Readiness {

    private static final long POLL_MILLIS = 100;
    private static final int LOG_TAIL_LINES = 40;

    @FunctionalInterface
    public interface Probe {
        /** True when ready; false or an exception when not yet. */
        boolean ready() throws Exception;
    }

    private Readiness() {
    }

    public static void await(ManagedProcess process, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            if (!process.isAlive()) {
                throw new StackStartException(process.name() + " exited with code " + process.exitCode().orElse(-1)
                    + " before it was ready; " + tail(process));
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("interrupted while waiting for " + process.name(), e);
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                throw new StackStartException(process.name() + " was not ready after " + timeout.toSeconds() + " s"
                    + (lastFailure == null ? "" : " (last probe: " + lastFailure + ")") + "; " + tail(process),
                    lastFailure);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("interrupted while waiting for " + process.name(), e);
            }
        }
    }

    private static String tail(ManagedProcess process) {
        return "last lines of " + process.logFile() + ":" + System.lineSeparator() + process.logTail(LOG_TAIL_LINES);
    }
}
