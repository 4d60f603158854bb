package io.tributary.producers.web;

import io.tributary.events.Sites;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class WebSimulatorTest {
    private static final Pattern COMBINED = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+ - - \\[\\d\\d/\\w{3}/\\d{4}:"
            + "\\d\\d:\\d\\d:\\d\\d \\+0000\\] \"(GET|POST) /\\S* HTTP/1\\.1\" \\d{3} \\d+ \"[^\"]*\" \"[^\"]+\" "
            + "\\d+\\.\\d{3}");

    @Test
    void emitsExactlyTheTargetInTimeOrderAllInCombinedLogFormatKeyedBySite() {
        var lines = new ArrayList<io.tributary.producers.faults.SimLine>();
        WebTruth truth = new WebSimulator(WebSpec.of(5, 20_000)).generate(lines::add);
        assertThat(lines).hasSize(20_000);
        assertThat(truth.lines()).isEqualTo(20_000);
        assertThat(truth.linesPerSite().keySet()).containsExactlyElementsOf(Sites.ALL.stream().sorted().toList());
        assertThat(truth.linesPerSite().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).line()).matches(COMBINED);
            assertThat(Sites.ALL).contains(lines.get(i).key());
            if (i > 0) {
                assertThat(lines.get(i).epochMicros()).isGreaterThanOrEqualTo(lines.get(i - 1).epochMicros());
            }
        }
        // the funnel narrows; errors, slow responses and crawlers are all there
        assertThat(truth.searches()).isGreaterThan(truth.bookings() * 3);
        assertThat(truth.bookings()).isPositive();
        assertThat(truth.hotelPages()).isGreaterThan(truth.bookings());
        assertThat(truth.crawlerLines()).isPositive();
        assertThat(truth.clientErrors()).isBetween(300L, 900L);
        assertThat(truth.serverErrors()).isBetween(100L, 350L);
        assertThat(truth.slow()).isBetween(200L, 650L);
    }

    @Test
    void sameSeedSameLines() {
        var a = new ArrayList<io.tributary.producers.faults.SimLine>();
        var b = new ArrayList<io.tributary.producers.faults.SimLine>();
        new WebSimulator(WebSpec.of(9, 3_000)).generate(a::add);
        new WebSimulator(WebSpec.of(9, 3_000)).generate(b::add);
        assertThat(a).isEqualTo(b);
        var c = new ArrayList<io.tributary.producers.faults.SimLine>();
        new WebSimulator(WebSpec.of(10, 3_000)).generate(c::add);
        assertThat(c).isNotEqualTo(a);
    }
}
