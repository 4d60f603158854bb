package io.tributary.cli.pipeline;

/** Counts per second between two samples of a growing counter. */
public final class Rate {
    private long lastCount;
    private long lastNanos = System.nanoTime();

    /** The rate since the previous call, per second. */
    public synchronized double update(long count) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        double rate = (count - lastCount) / seconds;
        lastCount = count;
        lastNanos = now;
        return Math.max(0, rate);
    }

    public static String human(double perSecond) {
        if (perSecond >= 1_000_000) {
            return String.format("%.1fM/s", perSecond / 1_000_000);
        }
        if (perSecond >= 1_000) {
            return String.format("%.1fk/s", perSecond / 1_000);
        }
        return String.format("%.0f/s", perSecond);
    }
}
