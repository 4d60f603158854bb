package io.tributary.producers.faults;

import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTest {

    private static List<SimLine> lines(int n) {
        var lines = new ArrayList<SimLine>();
        for (int i = 0; i < n; i++) {
            lines.add(new SimLine("K" + (i % 3), i * 1_000_000L, "line-" + i));
        }
        return lines;
    }

    private static List<Emission> run(FaultSpec spec, List<SimLine> lines, FaultTruth[] truth) {
        var out = new ArrayList<Emission>();
        var injector = new FaultInjector(spec, (context, random) -> "bad-" + context.line(), out::add);
        lines.forEach(injector);
        truth[0] = injector.finish();
        return out;
    }

    @Test
    void withoutFaultsEveryLineIsPublishedOnceInOrderWithItsPerKeySequence() {
        var truth = new FaultTruth[1];
        var out = run(FaultSpec.none(), lines(6), truth);
        assertThat(out).containsExactly(
                new Emission("K0", "line-0", 1L, Emission.Kind.ORIGINAL),
                new Emission("K1", "line-1", 1L, Emission.Kind.ORIGINAL),
                new Emission("K2", "line-2", 1L, Emission.Kind.ORIGINAL),
                new Emission("K0", "line-3", 2L, Emission.Kind.ORIGINAL),
                new Emission("K1", "line-4", 2L, Emission.Kind.ORIGINAL),
                new Emission("K2", "line-5", 2L, Emission.Kind.ORIGINAL));
        assertThat(truth[0]).isEqualTo(new FaultTruth(6, 6, 0, 0, 0, 0));
    }

    @Test
    void everyFaultAtTenPercentAddsUpAndKeepsEachGeneratedLineExactlyOnceAsAnEvent() {
        var truth = new FaultTruth[1];
        var input = lines(20_000);
        var out = run(FaultSpec.everyFaultAt(0.10, 7).withLateBy(Duration.ofSeconds(600)), input, truth);
        FaultTruth t = truth[0];
        assertThat(out).hasSize((int) t.published());
        assertThat(t.expectedEvents()).isEqualTo(20_000);
        // about 10% each (binomial, n=20000: far inside 8%..12%)
        for (long count : new long[] {t.expectedDuplicates(), t.reordered(), t.late(), t.expectedDeadLetters()}) {
            assertThat(count).isBetween(1_600L, 2_400L);
        }
        Map<Emission.Kind, Long> kinds = new HashMap<>();
        out.forEach(e -> kinds.merge(e.kind(), 1L, Long::sum));
        assertThat(kinds).containsEntry(Emission.Kind.DUPLICATE, t.expectedDuplicates())
                .containsEntry(Emission.Kind.MALFORMED, t.expectedDeadLetters())
                .containsEntry(Emission.Kind.REORDERED, t.reordered())
                .containsEntry(Emission.Kind.LATE, t.late());
        var identities = new HashSet<String>();
        for (Emission e : out) {
            if (e.kind() != Emission.Kind.DUPLICATE && e.kind() != Emission.Kind.MALFORMED) {
                assertThat(identities.add(e.key() + "#" + e.seq())).as("unique %s", e).isTrue();
            }
        }
        assertThat(identities).hasSize(20_000);
    }

    @Test
    void reorderedLinesStayWithinTheWindowAndLateLinesAreHeldByTheirEventTime() {
        var truth = new FaultTruth[1];
        var spec = new FaultSpec(3, 0, 0.2, 5, 0.05, Duration.ofSeconds(100), 0);
        var out = run(spec, lines(5_000), truth);
        int maxIndexSoFar = -1;
        for (int position = 0; position < out.size(); position++) {
            Emission e = out.get(position);
            int generated = Integer.parseInt(e.line().substring("line-".length()));
            if (e.kind() == Emission.Kind.REORDERED) {
                assertThat(position - generated).as("%s at %d", e, position).isBetween(-50, 10);
            }
            if (e.kind() == Emission.Kind.LATE && generated < 4_800) {
                // held until line generated+100 (100 s later in event time) arrives, released just before it
                assertThat(maxIndexSoFar).as("%s", e).isBetween(generated + 90, generated + 99);
            }
            maxIndexSoFar = Math.max(maxIndexSoFar, generated);
        }
        assertThat(truth[0].reordered()).isPositive();
        assertThat(truth[0].late()).isPositive();
    }

    @Test
    void sameSeedSameFaults() {
        var a = new FaultTruth[1];
        var b = new FaultTruth[1];
        var spec = FaultSpec.everyFaultAt(0.05, 99);
        var fleet = new ArrayList<SimLine>();
        new FleetSimulator(FleetSpec.of(1, 5, 4_000)).generate(l -> fleet.add(new SimLine(l.vehicleId(),
                l.epochMicros(), l.line())));
        assertThat(run(spec, fleet, a)).isEqualTo(run(spec, fleet, b));
        assertThat(a[0]).isEqualTo(b[0]);
        assertThat(run(FaultSpec.everyFaultAt(0.05, 100), fleet, b)).isNotEqualTo(run(spec, fleet, a));
    }

    @Test
    void ratesAreValidated() {
        assertThatThrownBy(() -> new FaultSpec(1, 0.5, 0.4, 5, 0.2, Duration.ZERO, 0))
                .hasMessageContaining("must not exceed 1");
        assertThatThrownBy(() -> FaultSpec.everyFaultAt(1.5, 1)).hasMessageContaining("within [0, 1]");
    }
}
