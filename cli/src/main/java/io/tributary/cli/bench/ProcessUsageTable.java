package io.tributary.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Joins peak memory and the CPU ticks spent between two samples into one row per process. */
final class ProcessUsageTable {
    private ProcessUsageTable() {
    }

    static Map<String, BenchResult.ProcessUsage> of(Map<String, Long> peakMib, Map<String, Long> cpuBefore,
                                                    Map<String, Long> cpuAfter) {
        Map<String, BenchResult.ProcessUsage> usage = new LinkedHashMap<>();
        for (String name : cpuAfter.keySet()) {
            long ticks = Math.max(0, cpuAfter.get(name) - cpuBefore.getOrDefault(name, 0L));
            usage.put(name, new BenchResult.ProcessUsage(peakMib.getOrDefault(name, 0L), ticks / CpuTimes.TICKS_PER_SECOND));
        }
        peakMib.forEach((name, mib) -> usage.putIfAbsent(name, new BenchResult.ProcessUsage(mib, 0)));
        return usage;
    }
}
