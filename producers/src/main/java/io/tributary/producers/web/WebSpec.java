package io.tributary.producers.web;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link WebSimulator} generates.
 *
 * @param seed             same seed and spec, same lines, always
 * @param targetLines      access-log lines to emit (the last session is cut short to hit it exactly)
 * @param start            instant the first session starts at
 * @param crawlerShare     share of sessions that are crawlers (no funnel, many pages, quick)
 * @param notFoundRate     share of requests answered 404
 * @param serverErrorRate  share of requests answered 500/502/503
 * @param slowRate         share of requests taking 2 to 10 s
 */
public record WebSpec(long seed, long targetLines, Instant start, double crawlerShare, double notFoundRate,
                      double serverErrorRate, double slowRate) {
    public static final Instant DEFAULT_START = Instant.parse("2020-01-01T00:00:00Z");

    public WebSpec {
        Objects.requireNonNull(start, "start");
        if (targetLines < 0) {
            throw new IllegalArgumentException("targetLines must be >= 0, got " + targetLines);
        }
        for (double rate : new double[] {crawlerShare, notFoundRate, serverErrorRate, slowRate}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("shares and rates must be within [0, 1], got " + rate);
            }
        }
    }

    /** 10% crawlers, 3% 404, 1% 5xx, 2% slow. */
    public static WebSpec of(long seed, long targetLines) {
        return new WebSpec(seed, targetLines, DEFAULT_START, 0.10, 0.03, 0.01, 0.02);
    }

    public WebSpec withStart(Instant newStart) {
        return new WebSpec(seed, targetLines, newStart, crawlerShare, notFoundRate, serverErrorRate, slowRate);
    }
}
