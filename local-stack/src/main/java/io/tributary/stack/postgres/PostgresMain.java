package io.tributary.stack.postgres;

import io.tributary.embeddedpg.PostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child-JVM main that runs PostgreSQL with zonky's embedded binaries and then waits. Zonky registers a shutdown
 * hook that runs {@code pg_ctl stop -m fast}, so stopping this JVM (SIGTERM, or the parent watchdog's
 * System.exit) stops the database; only a SIGKILL of this JVM leaves the postmaster behind, which
 * {@link PostgresServer} cleans up. When the postmaster dies (kill -9 of the database itself), this JVM exits too,
 * so whoever supervises it sees the server is gone and starts it again.
 *
 * <p>Args: {@code <dataDir> <port>}.
 */
public final class PostgresMain {

    static final int EXIT_POSTMASTER_GONE = 3;
    private static final Logger log = LoggerFactory.getLogger(PostgresMain.class);
    private static final long POSTMASTER_POLL_MILLIS = 250;

    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        File dataDir = new File(args[0]);
        int port = Integer.parseInt(args[1]);
        EmbeddedPostgres postgres = PostgresBinaries.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setPGStartupWait(Duration.ofMinutes(2))
            .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
            .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
            .start();
        ProcessHandle postmaster = PostgresServer.postmaster(dataDir.toPath()).orElseThrow(
            () -> new IllegalStateException("PostgreSQL started but " + dataDir + "/postmaster.pid names no live postmaster"));
        log.info("PostgreSQL ready on port {} with data in {} (postmaster pid {})", postgres.getPort(), dataDir,
            postmaster.pid());
        awaitExit(postmaster);
        if (shuttingDown()) {
            return; // zonky's shutdown hook stopped it
        }
        log.error("PostgreSQL postmaster (pid {}) exited on its own; exiting so the stack starts it again",
            postmaster.pid());
        System.exit(EXIT_POSTMASTER_GONE);
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Polls: the postmaster is not our child (pg_ctl detached it), and onExit() of a non-child backs off to 5 s. */
    private static void awaitExit(ProcessHandle postmaster) throws InterruptedException {
        while (postmaster.isAlive()) {
            Thread.sleep(POSTMASTER_POLL_MILLIS);
        }
    }
}
