package io.tributary.cli.chaos;

import java.io.PrintStream;
import java.util.List;

/** The chaos run's summary: each kill with how long the process took to come back, then every check. */
final class ChaosReport {
    private ChaosReport() {
    }

    static void print(PrintStream out, List<KillRound.Result> rounds, ChaosChecks.Outcome outcome, double seconds) {
        out.println();
        out.println("Kills (SIGKILL) and recovery");
        out.printf("  %-10s %-8s %-34s %12s  %s%n", "process", "pid", "when", "back after", "status page");
        for (KillRound.Result r : rounds) {
            out.printf("  %-10s %-8d %-34s %10.1f s  %s%n", r.target().process(), r.pid(),
                    r.target().whileLoad() ? (r.duringLoad() ? "mid-load" : "random (no load seen)") : "random",
                    r.backSeconds(), r.restartShown() ? "restart shown" : "NOT SHOWN");
        }
        out.println();
        out.printf("Ground truth vs pipeline (complete %.0f s after the restart of the whole service)%n",
                outcome.completeAfterSeconds());
        out.printf("  %-66s %12s %12s%n", "check", "expected", "actual");
        for (ChaosChecks.Check c : outcome.checks()) {
            out.printf("  %-66s %,12d %,12d  %s%n", c.name(), c.expected(), c.actual(), c.ok() ? "ok" : "MISMATCH");
        }
        out.println();
        boolean restarts = rounds.stream().allMatch(KillRound.Result::restartShown);
        out.printf("%s in %.0f s: %d kills, %s; %s.%n", outcome.matches() && restarts ? "PASSED" : "FAILED", seconds,
                rounds.size(), restarts ? "every restart shown on the status page" : "a restart NOT shown",
                outcome.matches() ? "the warehouse equals the ground truth" : "the warehouse does NOT match");
    }
}
