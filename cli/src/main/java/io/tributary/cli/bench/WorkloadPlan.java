package io.tributary.cli.bench;

/**
 * How many lines each simulator publishes so that the parts' raw bytes follow the {@link Mix}. Sizes come from each
 * simulator's mean line size (measured on a small sample with the run's seed), so the byte split is close, not exact;
 * the exact raw bytes are counted on the generated lines afterwards.
 *
 * @param vehicleEvents fleet lines (even: the fleet emits whole calls, a START and an END)
 * @param webLines      access-log lines
 */
public record WorkloadPlan(long vehicleEvents, long webLines) {

    public long lines() {
        return vehicleEvents + webLines;
    }

    /** Lines for {@code bytes} raw bytes split by {@code mix}. */
    public static WorkloadPlan forBytes(long bytes, Mix mix, double vehicleLineBytes, double webLineBytes) {
        requirePositive(vehicleLineBytes, webLineBytes);
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be > 0, got " + bytes);
        }
        return of(bytes * mix.vehicle() / vehicleLineBytes, bytes * mix.web() / webLineBytes, mix);
    }

    /**
     * {@code events} lines in total, split so that the parts' bytes follow {@code mix}: with mean sizes v and w and
     * byte shares sv and sw, the vehicle part has events · (sv/v) / (sv/v + sw/w) lines.
     */
    public static WorkloadPlan forEvents(long events, Mix mix, double vehicleLineBytes, double webLineBytes) {
        requirePositive(vehicleLineBytes, webLineBytes);
        if (events <= 0) {
            throw new IllegalArgumentException("events must be > 0, got " + events);
        }
        double v = mix.vehicle() / vehicleLineBytes;
        double w = mix.web() / webLineBytes;
        double vehicleLines = events * v / (v + w);
        return of(vehicleLines, events - vehicleLines, mix);
    }

    private static WorkloadPlan of(double vehicleLines, double webLines, Mix mix) {
        long vehicle = Math.round(vehicleLines / 2) * 2;
        long web = Math.round(webLines);
        // a part in the mix gets at least one call or one request, so its table and its checks are exercised
        if (mix.vehicle() > 0 && vehicle < 2) {
            vehicle = 2;
        }
        if (mix.web() > 0 && web < 1) {
            web = 1;
        }
        return new WorkloadPlan(mix.vehicle() > 0 ? vehicle : 0, mix.web() > 0 ? web : 0);
    }

    private static void requirePositive(double vehicleLineBytes, double webLineBytes) {
        if (!(vehicleLineBytes > 0 && webLineBytes > 0)) {
            throw new IllegalArgumentException("mean line sizes must be > 0, got " + vehicleLineBytes + " and "
                    + webLineBytes);
        }
    }
}
