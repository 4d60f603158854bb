package io.tributary.monitor.status;

import java.time.Instant;

/**
 * One process of the pipeline as its supervisor reports it, for the status page's process table.
 *
 * @param name       kafka, connect, s3, postgres, streams, batch, …
 * @param state      RUNNING, RESTARTING, FAILED or STOPPED
 * @param pid        current (or last) process id
 * @param restarts   how often it was started again
 * @param lastExit   how it ended last ("killed (SIGKILL, exit 137)"), or null if it never did
 * @param lastExitAt when
 * @param since      when it entered its state
 * @param failureLog the last lines of its log once it FAILED, else null
 */
public record ProcessRow(String name, String state, long pid, int restarts, String lastExit, Instant lastExitAt,
                         Instant since, String failureLog) {

    public static final String FAILED = "FAILED";

    public boolean failed() {
        return FAILED.equals(state);
    }
}
