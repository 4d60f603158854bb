package io.tributary.cli.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Rewrites the event time of a simulator's line to the moment it is published, for {@code --mode freshness}: the
 * latency from an event to its row being queryable is then measured from the real time the event happened. The rest
 * of the line is kept byte for byte, and both time formats have a fixed width, so a line keeps its size.
 *
 * <p>Publish order is the simulators' time order, and the new times never decrease ({@link MonotonicMicros}), so each
 * vehicle's events keep their order; events that end up with the same time keep it through the {@code seq} header,
 * which the pairing orders by after the time. The calls are therefore exactly the simulator's calls (same pairs, same
 * nesting), only shorter or longer in time.
 */
final class LineRetimer {
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private LineRetimer() {
    }

    /** {@code V001,1577836800.125000,lidar_fusion,start} with the second field replaced by {@code epochMicros}. */
    static String vehicle(String line, long epochMicros) {
        int first = line.indexOf(',');
        int second = first < 0 ? -1 : line.indexOf(',', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("not a vehicle CSV line: " + line);
        }
        var out = new StringBuilder(line.length() + 4);
        out.append(line, 0, first + 1).append(Math.floorDiv(epochMicros, 1_000_000L)).append('.');
        String fraction = Long.toString(Math.floorMod(epochMicros, 1_000_000L));
        out.append("000000", 0, 6 - fraction.length()).append(fraction);
        return out.append(line, second, line.length()).toString();
    }

    /**
     * An access-log line with its {@code [dd/MMM/yyyy:HH:mm:ss +0000]} replaced by {@code epochMicros} (Combined Log
     * Format has whole seconds: the fraction is dropped, so such an event time is up to 1 s before the publish).
     */
    static String web(String line, long epochMicros) {
        int open = line.indexOf('[');
        int close = open < 0 ? -1 : line.indexOf(']', open);
        if (close < 0) {
            throw new IllegalArgumentException("not a Combined Log Format line: " + line);
        }
        String time = CLF_TIME.format(Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS));
        return line.substring(0, open + 1) + time + line.substring(close);
    }

    /** Wall-clock microseconds that never go backwards, even if the system clock is stepped back. */
    static final class MonotonicMicros {
        private long last = Long.MIN_VALUE;

        synchronized long now() {
            Instant now = Instant.now();
            long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
            last = Math.max(last, micros);
            return last;
        }
    }
}
