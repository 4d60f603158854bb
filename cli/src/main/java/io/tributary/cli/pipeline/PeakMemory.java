package io.tributary.cli.pipeline;

import io.tributary.stack.process.ManagedProcess;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Highest resident memory seen per process of a run; sampled by the caller, e.g. on every progress tick. */
public final class PeakMemory {
    private final Map<String, Long> peakKib = new LinkedHashMap<>();

    /** Samples one process alone. */
    public synchronized void sample(String name, ProcessHandle process) {
        peakKib.merge(name, rss(process.pid()), Math::max);
    }

    /** Samples a process together with its descendants (a server and the processes it forked). */
    public synchronized void sampleTree(String name, ProcessHandle process) {
        long total = rss(process.pid()) + process.descendants().mapToLong(child -> rss(child.pid())).sum();
        peakKib.merge(name, total, Math::max);
    }

    public void sample(String name, ManagedProcess process) {
        if (process != null && process.isAlive()) {
            sampleTree(name, process.handle());
        }
    }

    /** Peak resident set per process name, in MiB, in the order first sampled. */
    public synchronized Map<String, Long> peakMib() {
        Map<String, Long> mib = new LinkedHashMap<>();
        peakKib.forEach((name, kib) -> mib.put(name, kib / 1024));
        return mib;
    }

    private static long rss(long pid) {
        OptionalLong kib = ManagedProcess.residentSetKib(pid);
        return kib.orElse(0);
    }
}
