package io.tributary.stack.process;

import io.tributary.stack.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A parent JVM for orphan tests: starts a child ({@code sleeper}, or {@code postgres} with its postmaster), writes
 * "childPid postmasterPid" to a file, then waits to be killed.
 *
 * <p>Args: {@code <sleeper|postgres> <dataDir> <outFile> [port]}.
 */
public final class ParentMain {

    private ParentMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        ChildJvms jvms = new ChildJvms(new ChildLauncher(dataDir.resolve("conf"), p -> { }),
            ChildLauncher.currentClasspath(), List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            dataDir.resolve("logs"));
        String pids;
        if (args[0].equals("postgres")) {
            PostgresServer server = PostgresServer.start(jvms, dataDir.resolve("postgres"), Integer.parseInt(args[3]),
                "64m", Duration.ofMinutes(2));
            pids = server.process().pid() + " " + server.postmasterProcess().orElseThrow().pid();
        } else {
            ManagedProcess child = jvms.start("sleeper", SleepingMain.class.getName(), "32m", List.of("a b", "c"),
                dataDir);
            pids = child.pid() + " 0";
        }
        Path tmp = Files.createTempFile(dataDir, "pids", ".tmp");
        Files.writeString(tmp, pids);
        Files.move(tmp, Path.of(args[2]));
        new CountDownLatch(1).await();
    }
}
