package io.tributary.cli;

import io.tributary.producers.web.WebSimulator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoWebTest {

    @Test
    void webTrafficEndsOneMinuteBeforeTheDemoStartsSoNoEventTimeIsInTheFuture() {
        Instant now = Instant.parse("2026-11-30T12:00:00.500Z");
        var spec = DemoWeb.spec(7, 5_000, now);
        List<Long> micros = new ArrayList<>();
        new WebSimulator(spec).generate(line -> micros.add(line.epochMicros()));

        long last = micros.stream().mapToLong(Long::longValue).max().orElseThrow();
        long end = ChronoUnit.MICROS.between(Instant.EPOCH, now.minus(DemoWeb.END_BEFORE_NOW));
        assertThat(micros).hasSizeGreaterThanOrEqualTo(5_000);
        // within 2 s of the end: truncated to the second, and the dry run's span is rounded up by a second
        assertThat(last).isLessThanOrEqualTo(end).isGreaterThan(end - 2_000_000);
        assertThat(spec.start()).isBefore(now.minus(DemoWeb.END_BEFORE_NOW));
    }
}
