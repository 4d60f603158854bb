package io.tributary.cli.bench;

import io.tributary.cli.UserFacingException;

import java.util.ArrayList;
import java.util.List;

/** The cross-option rules of {@code tributary bench}, each message naming the options involved and what is allowed. */
final class BenchOptions {
    private BenchOptions() {
    }

    static void validate(BenchCommand c) {
        List<String> problems = problems(c.mode, c.events, c.bytes, c.rate, c.duration, c.noBaselines);
        if (c.partitions < 1) {
            problems.add("--partitions must be >= 1, got " + c.partitions);
        }
        if (c.vehicles != null && c.vehicles < 1) {
            problems.add("--vehicles must be >= 1, got " + c.vehicles);
        }
        if (c.trigger != null && (c.trigger.isZero() || c.trigger.isNegative())) {
            problems.add("--trigger must be a positive duration such as 10s or 1m, got " + c.trigger);
        }
        if (!problems.isEmpty()) {
            throw new UserFacingException(String.join("; ", problems));
        }
    }

    static List<String> problems(String mode, Long events, Long bytes, Long rate, java.time.Duration duration,
                                 boolean noBaselines) {
        List<String> p = new ArrayList<>();
        switch (mode) {
            case "throughput" -> {
                if (events != null && bytes != null) {
                    p.add("--events and --bytes are two ways to size a throughput run: give one");
                }
                if (events != null && events < 2) {
                    p.add("--events must be at least 2 (one call), got " + events);
                }
                if (rate != null || duration != null) {
                    p.add("--rate and --duration belong to --mode freshness (throughput publishes as fast as it can)");
                }
            }
            case "freshness" -> {
                if (rate == null || duration == null) {
                    p.add("--mode freshness needs --rate (e.g. 2MB/s) and --duration (e.g. 10m)");
                }
                if (duration != null && (duration.isZero() || duration.isNegative())) {
                    p.add("--duration must be positive, got " + duration);
                }
                if (events != null || bytes != null) {
                    p.add("--events and --bytes belong to --mode throughput (freshness publishes --rate for --duration)");
                }
                if (noBaselines) {
                    p.add("--no-baselines belongs to --mode throughput (freshness measures no baselines)");
                }
            }
            default -> p.add("--mode must be throughput or freshness, got '" + mode + "'");
        }
        return p;
    }
}
