package io.tributary.cli.ingest;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line text progress bar: redrawn in place on a terminal, printed as plain lines otherwise (logs, CI). */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private long lastPrintNanos;

    ProgressBar(PrintWriter out) {
        this.out = out;
        this.terminal = System.console() != null;
    }

    /** @param fraction 0..1, or negative when the total is unknown */
    void update(double fraction, String detail, boolean done) {
        long now = System.nanoTime();
        if (!done && !terminal && now - lastPrintNanos < 5_000_000_000L) {
            return; // plain output: a line every 5 s is plenty
        }
        lastPrintNanos = now;
        String text;
        if (fraction >= 0) {
            int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
            text = String.format(Locale.ROOT, "[%s%s] %3.0f%% %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    Math.min(1, fraction) * 100, detail);
        } else {
            text = detail;
        }
        if (terminal) {
            out.print("\r" + text + (done ? "\n" : ""));
        } else {
            out.println(text);
        }
        out.flush();
    }
}
