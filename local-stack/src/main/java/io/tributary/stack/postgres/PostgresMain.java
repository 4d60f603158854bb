package io.tributary.stack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child-JVM main that runs PostgreSQL with zonky's embedded binaries and then waits. Zonky registers a shutdown
 * hook that runs {@code pg_ctl stop -m fast}, so stopping this JVM (SIGTERM, or the parent watchdog's
 * System.exit) stops the database; only a SIGKILL of this JVM leaves the postmaster behind, which
 * {@link PostgresServer} cleans up.
 *
 * <p>Args: {@code <dataDir> <port>}.
 */
public final class PostgresMain {

    private static final Logger log = LoggerFactory.getLogger(PostgresMain.class);

    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        File dataDir = new File(args[0]);
        int port = Integer.parseInt(args[1]);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setPGStartupWait(Duration.ofMinutes(2))
            .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
            .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
            .start();
        log.info("PostgreSQL ready on port {} with data in {}", postgres.getPort(), dataDir);
        new CountDownLatch(1).await();
    }
}
