package io.tributary.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** CPU time of a process from /proc/&lt;pid&gt;/stat (Linux); clock ticks are 100 per second on every Linux we run. */
final class CpuTimes {
    static final double TICKS_PER_SECOND = 100.0;

    private CpuTimes() {
    }

    /**
     * utime + stime of the process itself plus cutime + cstime (children it already reaped), in seconds; empty when the
     * process is gone or /proc is unavailable.
     */
    static OptionalLong ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may contain spaces and parentheses: fields are counted after its last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // after ')' the fields start at field 3 (state): utime is field 14 -> index 11
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return OptionalLong.of(ticks);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU ticks of a process and its live descendants (a server and the processes it forked). */
    static long treeTicks(ProcessHandle process) {
        return ticks(process.pid()).orElse(0)
                + process.descendants().mapToLong(child -> ticks(child.pid()).orElse(0)).sum();
    }
}
