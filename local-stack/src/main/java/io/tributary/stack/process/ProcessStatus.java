package io.tributary.stack.process;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One supervised process as the status page shows it.
 *
 * @param name       what it is (kafka, connect, streams, batch, ...)
 * @param state      RUNNING, RESTARTING (waiting out its back-off or starting), FAILED (crashed too often) or STOPPED
 * @param pid        its current (or last) process id
 * @param restarts   how often it was started again
 * @param lastExit   how it ended last, in words ("killed (SIGKILL, exit 137)"), or null if it never did
 * @param lastExitAt when
 * @param since      when it entered its state
 * @param logFile    where its output goes
 * @param failureLog the last lines of its log once it FAILED, else null
 */
public record ProcessStatus(String name, Supervisor.State state, long pid, int restarts, String lastExit,
                            Instant lastExitAt, Instant since, Path logFile, String failureLog) {
}
