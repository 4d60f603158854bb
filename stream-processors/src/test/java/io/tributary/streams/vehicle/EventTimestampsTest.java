package io.tributary.streams.vehicle;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimestampsTest {
    /** The regex and BigDecimal reading of epoch seconds the digit loop replaced. */
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,9})?");

    @Test
    void epochSecondsAreReadExactlyAsTheDecimalReadingDid() {
        var random = new SplittableRandom(42);
        String alphabet = "0123456789.-+ x\u0661";
        for (int i = 0; i < 100_000; i++) {
            var text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                // mostly digits, sometimes one of the characters that make a form invalid
                text.append(random.nextInt(8) > 0 ? (char) ('0' + random.nextInt(10))
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            assertThat(EventTimestamps.parse(candidate)).as("'%s'", candidate).isEqualTo(reference(candidate));
        }
    }

    @Test
    void edgesOfTheEpochForm() {
        assertThat(EventTimestamps.parse("1577836800.125")).contains(Instant.parse("2020-01-01T00:00:00.125Z"));
        assertThat(EventTimestamps.parse(" 0 ")).contains(Instant.EPOCH);
        assertThat(EventTimestamps.parse("253402300799.999999")).contains(Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertThat(EventTimestamps.parse("253402300799.9999991")).isEmpty(); // after the latest instant
        assertThat(EventTimestamps.parse("1.0000000001")).isEmpty(); // ten fraction digits
        assertThat(EventTimestamps.parse("1.")).isEmpty();
        assertThat(EventTimestamps.parse(".5")).isEmpty();
        assertThat(EventTimestamps.parse("1234567890123")).isEmpty(); // thirteen digits
    }

    private static Optional<Instant> reference(String text) {
        String trimmed = text.trim();
        if (!EPOCH_SECONDS.matcher(trimmed).matches()) {
            return Optional.empty(); // the random texts hold no ISO-8601 form
        }
        var seconds = new BigDecimal(trimmed);
        long whole = seconds.toBigInteger().longValueExact();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValueExact();
        Instant instant = Instant.ofEpochSecond(whole, nanos);
        return instant.isAfter(Instant.parse("9999-12-31T23:59:59.999999Z")) ? Optional.empty() : Optional.of(instant);
    }
}
