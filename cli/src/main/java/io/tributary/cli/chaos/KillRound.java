package io.tributary.cli.chaos;

import io.tributary.cli.pipeline.PipelineService;
import io.tributary.stack.process.ProcessStatus;
import io.tributary.stack.process.Supervisor;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/** One kill: wait for the moment, SIGKILL the process, wait until it is back and the status page shows the restart. */
final class KillRound {
    private static final Duration LOAD_WAIT = Duration.ofSeconds(120);
    private static final Duration BACK_WAIT = Duration.ofMinutes(3);
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    /**
     * @param duringLoad    the kill fell while a warehouse load was in flight
     * @param backSeconds   from the kill until the supervisor had it running again
     * @param restartShown  the status page listed the restart
     */
    record Result(ChaosTarget target, long pid, boolean duringLoad, double backSeconds, boolean restartShown) {
    }

    private final PipelineService service;
    private final ChaosTarget target;
    private final PrintStream out;

    KillRound(PipelineService service, ChaosTarget target, PrintStream out) {
        this.service = service;
        this.target = target;
        this.out = out;
    }

    Result run() throws InterruptedException {
        int restartsBefore = status().map(ProcessStatus::restarts).orElse(0);
        boolean duringLoad = target.whileLoad() && new LoadWatch(service.pipeline().probe()).await(LOAD_WAIT);
        long pid = pid();
        long killedAt = System.nanoTime();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        out.printf("  kill -9 %-9s pid %-7d%s%n", target.process(), pid,
                target.whileLoad() ? (duringLoad ? " in the middle of a warehouse load" : " (no load seen in "
                        + LOAD_WAIT.toSeconds() + " s: at a random point)") : " at a random point");
        long deadline = killedAt + BACK_WAIT.toNanos();
        while (!back(restartsBefore)) {
            if (System.nanoTime() > deadline) {
                out.printf("  %s is not back after %d s%n", target.process(), BACK_WAIT.toSeconds());
                return new Result(target, pid, duringLoad, Double.NaN, false);
            }
            Thread.sleep(50); // polling the supervisor from a CLI loop, not a test
        }
        double backSeconds = (System.nanoTime() - killedAt) / 1e9;
        boolean shown = pageShows(restartsBefore + 1);
        out.printf("  %-9s back in %5.1f s (restart %d)%s%n", target.process(), backSeconds, restartsBefore + 1,
                shown ? "; the status page shows it" : "; NOT shown on the status page");
        return new Result(target, pid, duringLoad, backSeconds, shown);
    }

    private boolean back(int restartsBefore) {
        return status().filter(s -> s.state() == Supervisor.State.RUNNING && s.restarts() > restartsBefore).isPresent();
    }

    private Optional<ProcessStatus> status() {
        return service.supervisor().status().stream().filter(s -> s.name().equals(target.process())).findFirst();
    }

    /** The database itself for PostgreSQL (its supervising JVM notices and exits); the process's JVM otherwise. */
    private long pid() {
        if (target == ChaosTarget.POSTGRES) {
            return service.stack().orElseThrow().postgresServerProcess().orElseThrow(
                    () -> new IllegalStateException("no PostgreSQL postmaster is running")).pid();
        }
        return service.supervisor().process(target.process()).orElseThrow(
                () -> new IllegalStateException(target.process() + " is not running")).pid();
    }

    private boolean pageShows(int restarts) throws InterruptedException {
        var page = new StatusPageProcesses(service.status().orElseThrow().url());
        long deadline = System.nanoTime() + PAGE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (page.row(target.process()).filter(r -> r.restarts() >= restarts).isPresent()) {
                return true;
            }
            Thread.sleep(200); // polling a web page from a CLI loop, not a test
        }
        return false;
    }
}
