package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineRetimerTest {
    // 2026-11-21T10:00:00.000042Z
    private static final long NOW_MICROS = 1_795_255_200_000_042L;

    @Test
    void vehicleLineGetsTheNewTimeWithMicrosecondsAndKeepsEverythingElse() {
        String line = "V007,1577836800.125000,lidar_fusion,start";

        String retimed = LineRetimer.vehicle(line, NOW_MICROS);

        assertThat(retimed).isEqualTo("V007,1795255200.000042,lidar_fusion,start");
        assertThat(retimed).hasSameSizeAs(line);
    }

    @Test
    void accessLogLineGetsTheNewTimeInWholeSecondsAndKeepsEverythingElse() {
        String line = "203.0.113.9 - - [01/Jan/2020:00:00:07 +0000] \"GET /hotel/12 HTTP/1.1\" 200 2326 \"-\""
                + " \"Mozilla/5.0 [x]\" 0.081";

        String retimed = LineRetimer.web(line, NOW_MICROS + 999_000);

        assertThat(retimed).isEqualTo("203.0.113.9 - - [21/Nov/2026:10:00:00 +0000] \"GET /hotel/12 HTTP/1.1\" 200"
                + " 2326 \"-\" \"Mozilla/5.0 [x]\" 0.081");
        assertThat(retimed).hasSameSizeAs(line);
    }

    @Test
    void linesWithoutATimeFieldAreRefused() {
        assertThatThrownBy(() -> LineRetimer.vehicle("V007", NOW_MICROS)).hasMessageContaining("not a vehicle CSV line");
        assertThatThrownBy(() -> LineRetimer.web("GET / 200", NOW_MICROS)).hasMessageContaining("Combined Log Format");
    }

    @Test
    void theClockNeverGoesBackwards() {
        var clock = new LineRetimer.MonotonicMicros();
        long previous = clock.now();
        for (int i = 0; i < 10_000; i++) {
            long next = clock.now();
            assertThat(next).isGreaterThanOrEqualTo(previous);
            previous = next;
        }
    }
}
