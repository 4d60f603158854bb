package io.tributary.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor with real OS processes (sleep, sh), which start in milliseconds. */
class SupervisorTest {

    private static final Supervisor.Policy FAST = new Supervisor.Policy(Duration.ofMillis(10), Duration.ofMillis(50),
        3, Duration.ofMinutes(10), Duration.ofMinutes(1));

    @TempDir
    Path dir;

    private final List<Supervisor> supervisors = new ArrayList<>();

    @AfterEach
    void closeSupervisors() {
        supervisors.forEach(Supervisor::close);
    }

    @Test
    void processKilledWithSigkillIsStartedAgainAndTheKillIsRecorded() throws Exception {
        Supervisor supervisor = supervisor(FAST, Clock.systemUTC());
        ManagedProcess first = supervisor.start("sleeper", () -> shell("sleeper", "exec sleep 600"));
        var afterRestart = new AtomicReference<ManagedProcess>();
        supervisor.afterRestart("sleeper", afterRestart::set);

        first.kill();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(supervisor, "sleeper").restarts() == 1);
        ProcessStatus status = status(supervisor, "sleeper");
        assertThat(status.state()).isEqualTo(Supervisor.State.RUNNING);
        assertThat(status.pid()).isNotEqualTo(first.pid());
        assertThat(status.lastExit()).isEqualTo("killed (SIGKILL, exit 137)");
        assertThat(status.lastExitAt()).isNotNull();
        assertThat(afterRestart.get()).isNotNull().extracting(ManagedProcess::pid).isEqualTo(status.pid());
        assertThat(supervisor.process("sleeper")).map(ManagedProcess::isAlive).contains(true);
    }

    @Test
    void processThatKeepsCrashingIsMarkedFailedWithTheEndOfItsLog() throws Exception {
        Supervisor supervisor = supervisor(FAST, Clock.systemUTC());
        var attempts = new AtomicInteger();
        supervisor.start("crasher", () -> shell("crasher",
            "echo \"attempt " + attempts.incrementAndGet() + ": cannot bind port 9092\"; exit 3"));

        await().atMost(Duration.ofSeconds(10)).until(() -> status(supervisor, "crasher").state()
            == Supervisor.State.FAILED);
        ProcessStatus status = status(supervisor, "crasher");
        assertThat(status.restarts()).isEqualTo(FAST.maxCrashes() - 1);
        assertThat(status.lastExit()).isEqualTo("exited with code 3");
        assertThat(status.failureLog()).contains("attempt 3: cannot bind port 9092");
        assertThat(supervisor.process("crasher")).isEmpty();
        // and it stays failed: nothing starts it a fourth time
        int started = attempts.get();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
            .until(() -> attempts.get() == started && status(supervisor, "crasher").state() == Supervisor.State.FAILED);
    }

    @Test
    void restartWaitsOutItsBackoff() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        Supervisor supervisor = supervisor(new Supervisor.Policy(Duration.ofSeconds(5), Duration.ofSeconds(30), 5,
            Duration.ofMinutes(10), Duration.ofMinutes(1)), clock);
        ManagedProcess first = supervisor.start("sleeper", () -> shell("sleeper", "exec sleep 600"));

        first.kill();

        await().atMost(Duration.ofSeconds(5)).until(() -> status(supervisor, "sleeper").state()
            == Supervisor.State.RESTARTING);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
            .until(() -> status(supervisor, "sleeper").state() == Supervisor.State.RESTARTING);
        clock.advance(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> status(supervisor, "sleeper").state()
            == Supervisor.State.RUNNING);
        assertThat(status(supervisor, "sleeper").restarts()).isEqualTo(1);
    }

    @Test
    void starterThatFailsCountsAsACrashAndIsRetried() throws Exception {
        Supervisor supervisor = supervisor(FAST, Clock.systemUTC());
        var attempts = new AtomicInteger();
        ManagedProcess first = supervisor.start("flaky", () -> {
            if (attempts.incrementAndGet() == 2) {
                throw new IllegalStateException("port 9092 not free yet");
            }
            return shell("flaky", "exec sleep 600");
        });

        first.kill();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(supervisor, "flaky").restarts() == 1);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(status(supervisor, "flaky").lastExit()).isEqualTo("did not start: port 9092 not free yet");
    }

    @Test
    void stoppedProcessIsNotStartedAgain() throws Exception {
        Supervisor supervisor = supervisor(FAST, Clock.systemUTC());
        ManagedProcess process = supervisor.start("sleeper", () -> shell("sleeper", "exec sleep 600"));

        supervisor.stop("sleeper");

        assertThat(process.isAlive()).isFalse();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
            .until(() -> status(supervisor, "sleeper").state() == Supervisor.State.STOPPED);
        assertThat(status(supervisor, "sleeper").restarts()).isZero();
    }

    @Test
    void closeStopsEveryProcessAndRestartsNone() throws Exception {
        Supervisor supervisor = supervisor(FAST, Clock.systemUTC());
        ManagedProcess a = supervisor.start("a", () -> shell("a", "exec sleep 600"));
        ManagedProcess b = supervisor.start("b", () -> shell("b", "exec sleep 600"));

        supervisor.close();

        assertThat(a.isAlive()).isFalse();
        assertThat(b.isAlive()).isFalse();
        assertThat(supervisor.status()).extracting(ProcessStatus::state)
            .containsExactly(Supervisor.State.STOPPED, Supervisor.State.STOPPED);
    }

    @Test
    void exitCodesReadAsWhatHappened() {
        assertThat(Supervisor.describeExit(137)).isEqualTo("killed (SIGKILL, exit 137)");
        assertThat(Supervisor.describeExit(143)).isEqualTo("terminated (SIGTERM, exit 143)");
        assertThat(Supervisor.describeExit(1)).isEqualTo("exited with code 1");
    }

    private Supervisor supervisor(Supervisor.Policy policy, Clock clock) {
        var supervisor = new Supervisor(policy, clock);
        supervisors.add(supervisor);
        return supervisor;
    }

    private ManagedProcess shell(String name, String script) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ManagedProcess(name, process, log);
    }

    private static ProcessStatus status(Supervisor supervisor, String name) {
        return supervisor.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
