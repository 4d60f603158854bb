package io.tributary.cli.pipeline;

import io.tributary.stack.process.ManagedProcess;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Highest resident memory seen per process of a run, each process counted with its descendants (so the PostgreSQL
 * server processes count under the JVM that started them). Sampled by the caller, e.g. on every progress tick.
 */
public final class PeakMemory {
    private final Map<String, Long> peakKib = new LinkedHashMap<>();

    /** Samples one process (and its descendants) under {@code name}. */
    public synchronized void sample(String name, long pid) {
        long total = rss(pid);
        long descendants = ProcessHandle.of(pid).map(h -> h.descendants().mapToLong(c -> rss(c.pid())).sum()).orElse(0L);
        peakKib.merge(name, total + descendants, Math::max);
    }

    public synchronized void sample(String name, ManagedProcess process) {
        if (process != null && process.isAlive()) {
            sample(name, process.pid());
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
