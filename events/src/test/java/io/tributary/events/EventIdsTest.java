package io.tributary.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void sameInputGivesSameIdOf32Hex() {
        var t = Instant.parse("2020-01-01T00:00:00.125Z");
        String a = EventIds.vehicleEventId("V1", t, "f", EventType.START, "3");
        assertThat(a).matches("[0-9a-f]{32}").isEqualTo(EventIds.vehicleEventId("V1", t, "f", EventType.START, "3"));
    }

    @Test
    void anyDifferingPartChangesTheId() {
        var t = Instant.parse("2020-01-01T00:00:00.125Z");
        String base = EventIds.vehicleEventId("V1", t, "f", EventType.START, "3");
        assertThat(EventIds.vehicleEventId("V1", t, "f", EventType.END, "3")).isNotEqualTo(base);
        assertThat(EventIds.vehicleEventId("V1", t.plusNanos(1000), "f", EventType.START, "3")).isNotEqualTo(base);
        assertThat(EventIds.vehicleEventId("V1", t, "f", EventType.START, "4")).isNotEqualTo(base);
        assertThat(EventIds.of("a", "bc")).isNotEqualTo(EventIds.of("ab", "c"));
        assertThat(EventIds.of((Object) null)).isNotEqualTo(EventIds.of(""));
    }

    @Test
    void epochSecondsWithFractionAreExactToTheMicrosecond() {
        assertThat(EventTimes.fromEpochSeconds("1577836800.125")).isEqualTo(Instant.parse("2020-01-01T00:00:00.125Z"));
        assertThat(EventTimes.fromEpochSeconds("1577836800.000001")).isEqualTo(Instant.parse("2020-01-01T00:00:00.000001Z"));
        assertThat(EventTimes.fromEpochSeconds("1577836800")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }
}
