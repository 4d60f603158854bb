package io.tributary.stack.postgres;

import io.tributary.embeddedpg.PostgresBinaries;
import io.tributary.stack.process.ChildJvms;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.process.Readiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL (zonky binaries) supervised by a child JVM; data kept across restarts. */
public final class PostgresServer {

    public static final String NAME = "postgres";
    public static final String USER = "postgres";
    /** initdb runs with trust authentication on 127.0.0.1; the driver sends this and the server ignores it. */
    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final ManagedProcess process;
    private final Path dataDir;
    private final String jdbcUrl;
    private final Optional<ProcessHandle> postmaster;

    private PostgresServer(ManagedProcess process, Path dataDir, String jdbcUrl) {
        this.process = process;
        this.dataDir = dataDir;
        this.jdbcUrl = jdbcUrl;
        this.postmaster = postmaster(dataDir);
    }

    public static PostgresServer start(ChildJvms jvms, Path dataDir, int port, String heap, Duration timeout)
        throws Exception {
        stopOrphanedPostmaster(dataDir);
        Files.createDirectories(dataDir);
        // a first run extracts the binaries here, streaming, in this JVM, before the small server JVM needs them
        PostgresBinaries.prepare();
        String jdbcUrl = jdbcUrl(port);
        ManagedProcess process = jvms.start(NAME, PostgresMain.class.getName(), heap,
            List.of(dataDir.toString(), Integer.toString(port)), dataDir.getParent());
        try {
            Readiness.await(process, timeout, () -> selectOne(jdbcUrl));
        } catch (RuntimeException e) {
            stop(process, dataDir);
            throw e;
        }
        return new PostgresServer(process, dataDir, jdbcUrl);
    }

    private static boolean selectOne(String jdbcUrl) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "2");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, props);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 1")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    /** Stops the supervising JVM (its shutdown hook stops PostgreSQL), then makes sure the postmaster is gone. */
    public void stop(Duration grace) {
        stop(process, dataDir, grace);
        awaitPostmasterExit();
    }

    /** After its JVM stopped: waits for the postmaster seen at start to exit ({@link #awaitExit}). */
    public void awaitPostmasterExit() {
        postmaster.ifPresent(PostgresServer::awaitExit);
    }

    /** The database of a server listening on {@code port} of 127.0.0.1. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /**
     * Waits up to 15 s for a postmaster to exit after its JVM stopped ({@code pg_ctl stop -w} returns once
     * postmaster.pid is gone, a moment before the process has exited); one that still runs is stopped.
     */
    public static void awaitExit(ProcessHandle postmaster) {
        if (!postmaster.isAlive()) {
            return;
        }
        try {
            postmaster.onExit().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            stopPostmaster(postmaster, Path.of("(its data dir)"));
        }
    }

    /** The postmaster process this server started. */
    public Optional<ProcessHandle> postmasterProcess() {
        return postmaster;
    }

    private static void stop(ManagedProcess process, Path dataDir) {
        stop(process, dataDir, Duration.ofSeconds(30));
    }

    private static void stop(ManagedProcess process, Path dataDir, Duration grace) {
        process.stop(grace);
        stopOrphanedPostmaster(dataDir);
    }

    /**
     * A postmaster whose supervising JVM was killed with SIGKILL keeps running and holds the data dir. Its pid is the
     * first line of postmaster.pid. SIGINT is PostgreSQL's "fast" shutdown (SIGTERM, the only signal
     * ProcessHandle sends short of SIGKILL, is "smart": it waits for every client to disconnect).
     */
    public static void stopOrphanedPostmaster(Path dataDir) {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        if (postmaster.isEmpty()) {
            return;
        }
        stopPostmaster(postmaster.get(), dataDir);
    }

    private static void stopPostmaster(ProcessHandle handle, Path dataDir) {
        log.warn("stopping PostgreSQL postmaster (pid {}) left running on {}", handle.pid(), dataDir);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(handle.pid()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (Exception e) {
            log.warn("postmaster pid {} did not stop on SIGINT, killing it", handle.pid());
            handle.destroyForcibly();
        }
    }

    /** The live postmaster serving {@code dataDir}, if any. */
    public static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public ManagedProcess process() {
        return process;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Path dataDir() {
        return dataDir;
    }
}
