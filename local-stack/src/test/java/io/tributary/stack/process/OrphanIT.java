package io.tributary.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the JVM that started the servers leaves nothing running. */
class OrphanIT {

    @TempDir
    Path dir;

    @Test
    void childJvmExitsWhenItsParentIsKilled() throws Exception {
        Path log = dir.resolve("logs/sleeper.log");
        // kill the parent only once the child is up: killed earlier, the child rightly exits at start-up ("parent
        // process … is already gone") and never reaches the watch this test is about
        long[] pids = startParentAndKillIt("sleeper", 0,
            () -> Files.exists(log) && Files.readString(log).contains("sleeping child up"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pids[0]).isEmpty()
            || !ProcessHandle.of(pids[0]).get().isAlive());
        assertThat(Files.readString(dir.resolve("logs/sleeper.log")))
            .contains("sleeping child up with args a b|c")
            .contains("exited, stopping this child");
    }

    @Test
    void postgresStopsWhenTheParentOfItsJvmIsKilled() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long[] pids = startParentAndKillIt("postgres", port, () -> true);
        assertThat(pids[1]).isPositive();
        await().atMost(Duration.ofSeconds(40)).until(() -> !alive(pids[0]) && !alive(pids[1]));
        assertThat(Files.exists(dir.resolve("postgres/postmaster.pid"))).isFalse();
    }

    private long[] startParentAndKillIt(String mode, int port, Callable<Boolean> readyToKill) throws Exception {
        Path pidFile = dir.resolve("pids.txt");
        ChildLauncher launcher = new ChildLauncher(dir.resolve("parent-conf"), p -> { });
        ManagedProcess parent = launcher.launch(new ChildSpec("parent", ParentMain.class.getName(),
            ChildLauncher.currentClasspath(), List.of("-Xmx128m", "-XX:+UseSerialGC"),
            List.of(mode, dir.toString(), pidFile.toString(), Integer.toString(port)), dir.resolve("parent.log"), dir,
            Map.of()));
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(pidFile) || !parent.isAlive());
            assertThat(parent.isAlive()).as("parent alive; its log:%n%s", parent.logTail(40)).isTrue();
            String[] parts = Files.readString(pidFile).trim().split(" ");
            long[] pids = {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
            assertThat(alive(pids[0])).isTrue();
            await().atMost(Duration.ofSeconds(60)).until(readyToKill);
            parent.kill();
            return pids;
        } finally {
            parent.kill();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
