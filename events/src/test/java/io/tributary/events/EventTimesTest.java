package io.tributary.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimesTest {
    /** The formatter the hand-written format replaced; it stays the reference. */
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsUtcWithSixFractionDigitsTruncatingNanoseconds() {
        assertThat(EventTimes.format(Instant.parse("2020-01-01T00:00:00.125Z"))).isEqualTo("2020-01-01T00:00:00.125000Z");
        assertThat(EventTimes.format(Instant.parse("2024-02-29T23:59:59.1234569Z"))).isEqualTo("2024-02-29T23:59:59.123456Z");
        assertThat(EventTimes.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(EventTimes.format(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo("1969-12-31T23:59:59.999999Z");
    }

    @Test
    void agreesWithTheFormatterOnEveryKindOfDay() {
        var random = new SplittableRandom(20261130);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000));
            assertThat(EventTimes.format(instant)).as("%s", instant).isEqualTo(reference(instant));
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "0000-02-29T12:00:00Z", "1600-02-29T00:00:00Z",
                "1900-02-28T23:59:59Z", "1900-03-01T00:00:00Z", "2000-02-29T00:00:00Z", "2100-03-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z"}) {
            var instant = Instant.parse(edge);
            assertThat(EventTimes.format(instant)).as(edge).isEqualTo(reference(instant));
        }
    }

    @Test
    void yearsBeyondFourDigitsKeepTheFormattersForm() {
        for (var instant : new Instant[] {Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("-999999-06-30T01:02:03.4Z")}) {
            assertThat(EventTimes.format(instant)).isEqualTo(reference(instant));
        }
    }

    private static String reference(Instant instant) {
        return REFERENCE.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
