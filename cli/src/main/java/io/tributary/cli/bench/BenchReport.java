package io.tributary.cli.bench;

import java.io.PrintStream;

/** The terminal table of a bench result. */
final class BenchReport {
    private BenchReport() {
    }

    static void print(BenchResult r, PrintStream out) {
        var w = r.workload();
        var e = r.endToEnd();
        out.println();
        out.println("Bench results (" + r.mode() + ", " + r.startedAt() + ")");
        out.printf("  machine      %d cores, %.1f GiB, %s, %s%n", r.machine().cores(),
                r.machine().memoryBytes() / (1024.0 * 1024 * 1024), r.machine().jvm(), r.machine().os());
        out.printf("  workload     %,d events (%,d calls), %.1f MB of raw lines, %d partitions, trigger %s%n",
                w.events(), w.calls(), w.rawBytes() / 1e6, w.partitions(), w.trigger());
        out.printf("  end to end   %.1f s, %.2f MB/s, %,.0f events/s, %s (rows %,d / expected %,d, dead letters %,d)%n",
                e.seconds(), e.mbPerS(), e.eventsPerS(), e.correct() ? "CORRECT" : "NOT CORRECT",
                e.rowsLoaded(), e.callsExpected(), e.deadLetters());
        out.println();
        out.printf("  %-12s %9s %9s %9s %11s  %-28s %10s %7s%n", "stage", "done at s", "+s", "MB/s", "events/s",
                "baseline", "base MB/s", "ratio");
        for (var s : r.stages()) {
            out.printf("  %-12s %9.1f %9.1f %9.2f %,11.0f  %-28s %10s %7s%n", s.name(), s.secondsFromStart(),
                    s.secondsAfterPrevious(), s.mbPerS(), s.eventsPerS(), s.baseline() == null ? "-" : s.baseline(),
                    s.baselineMbPerS() == null ? "-" : String.format("%.2f", s.baselineMbPerS()),
                    s.ratio() == null ? "-" : String.format("%.2f", s.ratio()));
        }
        out.println();
        out.printf("  %-24s %-54s %9s %8s %9s%n", "baseline (no logic)", "method", "records", "s", "MB/s");
        for (var b : r.baselines()) {
            out.printf("  %-24s %-54s %,9d %8.2f %9.2f%n", b.name(), b.method(), b.records(), b.seconds(), b.mbPerS());
        }
        out.println();
        out.printf("  %-28s %14s %12s%n", "process", "peak RSS MiB", "CPU s");
        r.processes().forEach((name, p) -> out.printf("  %-28s %,14d %12.1f%n", name, p.peakRssMib(), p.cpuSeconds()));
        if (!r.notMeasured().isEmpty()) {
            out.println();
            out.println("  not measured in this version: " + String.join("; ", r.notMeasured()));
        }
    }
}
