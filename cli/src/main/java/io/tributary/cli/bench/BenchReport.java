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
        out.printf("  workload     %,d lines (%,d vehicle = %,d calls, %,d web requests), %.1f MB raw (%.1f + %.1f MB),"
                        + " mix %s, %d partitions, trigger %s%n", w.events(), w.vehicleEvents(), w.calls(),
                w.webRequests(), w.rawBytes() / 1e6, w.vehicleBytes() / 1e6, w.webBytes() / 1e6, w.mix(),
                w.partitions(), w.trigger());
        if (w.rateMbPerS() != null) {
            out.printf("  published    %.2f MB/s for %.0f s, event time = publish time%n", w.rateMbPerS(), w.durationS());
        }
        out.printf("  end to end   %.1f s, %.2f MB/s, %,.0f events/s, %s (dead letters %,d)%n", e.seconds(), e.mbPerS(),
                e.eventsPerS(), e.correct() ? "CORRECT" : "NOT CORRECT", e.deadLetters());
        for (var check : e.checks()) {
            if (!check.ok()) {
                out.printf("    MISMATCH  %-44s expected %,d, warehouse %,d%n", check.name(), check.expected(),
                        check.actual());
            }
        }
        if (e.correct()) {
            out.printf("               %d checks against the simulators' ground truth hold (rows, per function, per"
                    + " site, 4xx/5xx, session requests, no dead letter, nothing quarantined)%n", e.checks().size());
        }
        if (!r.stages().isEmpty()) {
            out.println();
            out.printf("  %-18s %9s %8s %8s %10s  %-36s %9s %6s%n", "stage", "done at s", "+s", "MB/s", "events/s",
                    "baseline (no logic)", "base MB/s", "ratio");
            for (var s : r.stages()) {
                out.printf("  %-18s %9.1f %8.1f %8.2f %,10.0f  %-36s %9s %6s%n", s.name(), s.secondsFromStart(),
                        s.secondsAfterPrevious(), s.mbPerS(), s.eventsPerS(), s.baseline() == null ? "-" : s.baseline(),
                        s.baselineMbPerS() == null ? "-" : String.format("%.2f", s.baselineMbPerS()),
                        s.ratio() == null ? "-" : String.format("%.3f", s.ratio()));
            }
        }
        if (!r.baselines().isEmpty()) {
            out.println();
            out.printf("  %-36s %-62s %10s %8s %8s%n", "baseline (no logic)", "method", "records", "s", "MB/s");
            for (var b : r.baselines()) {
                out.printf("  %-36s %-62s %,10d %8.2f %8.2f%n", b.name(), b.method(), b.records(), b.seconds(),
                        b.mbPerS());
            }
        }
        if (r.freshness() != null && !r.freshness().isEmpty()) {
            out.println();
            out.printf("  %-24s %10s %8s %8s %8s %8s %8s%n", "latency (s)", "rows", "p50", "p95", "p99", "max", "mean");
            r.freshness().forEach((table, l) -> out.printf("  %-24s %,10d %8.1f %8.1f %8.1f %8.1f %8.1f%n", table,
                    l.rows(), l.p50S(), l.p95S(), l.p99S(), l.maxS(), l.meanS()));
            r.freshness().forEach((table, l) -> out.printf("    %-22s %s%n", table, l.measures()));
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
