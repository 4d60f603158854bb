package io.tributary.producers.fleet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FleetSimulatorTest {
    private static final Logger LOG = LoggerFactory.getLogger(FleetSimulatorTest.class);
    private static final FleetSpec SPEC = FleetSpec.of(42L, 7, 20_000).withRecordCalls(true);
    private static List<FleetLine> lines;
    private static FleetTruth truth;

    @BeforeAll
    static void generate() {
        lines = new ArrayList<>();
        truth = new FleetSimulator(SPEC).generate(lines::add);
    }

    private static List<String> texts(List<FleetLine> fleetLines) {
        return fleetLines.stream().map(FleetLine::line).toList();
    }

    @Test
    void sameSeedGivesSameLinesAndTruth() {
        var again = new ArrayList<FleetLine>();
        FleetTruth secondTruth = new FleetSimulator(SPEC).generate(again::add);
        assertThat(again).isEqualTo(lines);
        assertThat(secondTruth).isEqualTo(truth);
    }

    @Test
    void differentSeedGivesDifferentLines() {
        var other = new ArrayList<FleetLine>();
        new FleetSimulator(FleetSpec.of(43L, 7, 20_000)).generate(other::add);
        assertThat(texts(other)).hasSize(20_000).isNotEqualTo(texts(lines));
    }

    @Test
    void linesAreInTheSeedCsvFormKeyedByVehicle() {
        var names = SPEC.catalogue().functions().stream().map(FunctionProfile::name).collect(Collectors.toSet());
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.line()).matches("V00[1-7],\\d{10}\\.\\d{6},[a-z_]+,(start|end)");
            String[] fields = line.line().split(",");
            assertThat(fields[0]).isEqualTo(line.vehicleId());
            assertThat(fields[2]).isIn(names);
            assertThat(ReferencePairer.parse(line.line(), 0).time())
                    .isEqualTo(java.time.Instant.EPOCH.plusNanos(line.epochMicros() * 1000));
        });
        assertThat(lines).extracting(FleetLine::vehicleId).containsOnly(
                "V001", "V002", "V003", "V004", "V005", "V006", "V007");
    }

    @Test
    void truthMatchesWhatAReferencePairerReconstructsFromTheLines() {
        ReferencePairer.Result paired = ReferencePairer.pair(texts(lines));

        assertThat(paired.unmatchedEnds()).isZero();
        assertThat(paired.unmatchedStarts()).isZero();
        assertThat(truth.events()).isEqualTo(lines.size()).isEqualTo(20_000);
        assertThat(truth.completeCalls()).isEqualTo(10_000).isEqualTo(paired.calls().size());
        assertThat(paired.calls().stream().sorted(ReferencePairer.ORDER).toList())
                .isEqualTo(truth.calls().stream().sorted(ReferencePairer.ORDER).toList());
        assertThat(countBy(paired.calls(), ExpectedCall::functionName)).isEqualTo(truth.callsPerFunction());
        assertThat(countBy(paired.calls(), ExpectedCall::depth)).isEqualTo(truth.callsPerDepth());
    }

    @Test
    void recursiveCallsOfTheSameFunctionAndNestedCallsOfOthersArePresent() {
        assertThat(truth.callsPerDepth()).containsKeys(0, 1, 2);
        // a call that contains a call of another function of the same vehicle
        var calls = truth.calls();
        boolean nestedOther = calls.stream().anyMatch(outer -> calls.stream().anyMatch(inner ->
                inner.vehicleId().equals(outer.vehicleId()) && !inner.functionName().equals(outer.functionName())
                        && inner.start().isAfter(outer.start()) && inner.end().isBefore(outer.end())));
        assertThat(nestedOther).isTrue();
    }

    @Test
    void backToBackCallsAtEqualTimestampsArePresentAndCounted() {
        // an END and the next START of the same vehicle and function at the same instant
        Map<String, String> lastEnd = new HashMap<>();
        long backToBack = 0;
        for (FleetLine line : lines) {
            String[] f = line.line().split(",");
            String group = f[0] + "|" + f[2];
            if (f[3].equals("end")) {
                lastEnd.put(group, f[1]);
            } else if (f[1].equals(lastEnd.get(group))) {
                backToBack++;
            }
        }
        assertThat(backToBack).isGreaterThan(100).isEqualTo(truth.backToBackCalls());
    }

    @Test
    void noCallHasZeroLength() {
        assertThat(ReferencePairer.pair(texts(lines)).calls())
                .allSatisfy(call -> assertThat(call.end()).isAfter(call.start()));
    }

    @Test
    void noTwoStartsOfOneFunctionAtTheSameInstant() {
        var starts = new HashSet<String>();
        lines.stream().map(FleetLine::line).filter(l -> l.endsWith(",start"))
                .forEach(l -> assertThat(starts.add(l)).as("duplicate start %s", l).isTrue());
    }

    @Test
    void eachVehicleWritesItsLinesInTimeOrderWithEndBeforeStartAtEqualTimes() {
        Map<String, FleetLine> previous = new HashMap<>();
        for (FleetLine line : lines) {
            FleetLine before = previous.put(line.vehicleId(), line);
            if (before != null) {
                assertThat(line.epochMicros()).isGreaterThanOrEqualTo(before.epochMicros());
                if (line.epochMicros() == before.epochMicros() && line.line().endsWith(",end")) {
                    // an END never follows a START at the same instant (that would be a zero-length call or an
                    // ordering the pairing rule reads differently)
                    assertThat(before.line()).endsWith(",end");
                }
            }
        }
    }

    @Test
    void topLevelCallDurationsFollowEachFunctionsLogNormal() {
        // top-level = not inside another call of the vehicle; nested calls are squeezed to fit their caller
        var topLevel = new ArrayList<ExpectedCall>();
        truth.calls().stream().collect(Collectors.groupingBy(ExpectedCall::vehicleId)).values().forEach(calls -> {
            java.time.Instant reach = java.time.Instant.MIN;
            for (ExpectedCall call : calls.stream().sorted(ReferencePairer.ORDER).toList()) {
                if (!call.start().isBefore(reach)) {
                    topLevel.add(call);
                }
                reach = call.end().isAfter(reach) ? call.end() : reach;
            }
        });
        Map<String, List<Long>> micros = topLevel.stream().collect(Collectors.groupingBy(ExpectedCall::functionName,
                Collectors.mapping(c -> Duration.between(c.start(), c.end()).toNanos() / 1000, Collectors.toList())));
        // catalogue medians: sensor_sync 2 ms, lidar_fusion 50 ms, telemetry_upload 450 ms
        assertThat(median(micros.get("sensor_sync"))).isBetween(1_500L, 2_700L);
        assertThat(median(micros.get("lidar_fusion"))).isBetween(40_000L, 62_000L);
        assertThat(median(micros.get("telemetry_upload"))).isBetween(330_000L, 600_000L);
    }

    @Test
    void emitsWholeCallsOnlyUpToTheTarget() {
        var odd = new ArrayList<FleetLine>();
        FleetTruth oddTruth = new FleetSimulator(FleetSpec.of(1L, 3, 1_001)).generate(odd::add);
        assertThat(odd).hasSize(1_000);
        assertThat(oddTruth.completeCalls()).isEqualTo(500);
        assertThat(ReferencePairer.pair(texts(odd)).unmatchedStarts()).isZero();

        var none = new ArrayList<FleetLine>();
        assertThat(new FleetSimulator(FleetSpec.of(1L, 3, 0)).generate(none::add).events()).isZero();
        assertThat(none).isEmpty();
    }

    @Test
    void vehicleLinesDoNotDependOnFleetSize() {
        var small = new ArrayList<FleetLine>();
        new FleetSimulator(FleetSpec.of(42L, 2, 2_000)).generate(small::add);
        var large = new ArrayList<FleetLine>();
        new FleetSimulator(FleetSpec.of(42L, 4, 4_000)).generate(large::add);
        assertThat(texts(large.stream().filter(l -> l.vehicleId().equals("V001")).toList()))
                .isEqualTo(texts(small.stream().filter(l -> l.vehicleId().equals("V001")).toList()));
    }

    @Test
    void callsOfAFewMicrosecondsStillNestStrictlyInsideTheirCallers() {
        var tiny = new FunctionCatalogue(List.of(new FunctionProfile("a", 0.000006, 0.6),
                new FunctionProfile("b", 0.000004, 0.6), new FunctionProfile("c", 0.000009, 1.0)));
        var spec = new FleetSpec(3L, 4, 20_000, FleetSpec.DEFAULT_START, tiny, true);
        var tinyLines = new ArrayList<FleetLine>();
        FleetTruth tinyTruth = new FleetSimulator(spec).generate(tinyLines::add);

        ReferencePairer.Result paired = ReferencePairer.pair(texts(tinyLines));
        assertThat(paired.unmatchedEnds() + paired.unmatchedStarts()).isZero();
        assertThat(paired.calls()).allSatisfy(call -> assertThat(call.end()).isAfter(call.start()));
        assertThat(paired.calls().stream().sorted(ReferencePairer.ORDER).toList())
                .isEqualTo(tinyTruth.calls().stream().sorted(ReferencePairer.ORDER).toList());
        Map<String, Long> last = new HashMap<>();
        for (FleetLine line : tinyLines) {
            Long before = last.put(line.vehicleId(), line.epochMicros());
            assertThat(before == null || before <= line.epochMicros()).as("time order at %s", line.line()).isTrue();
        }
    }

    @Test
    void generatesTwoHundredThousandEventsQuicklyWithoutListingCalls() {
        long[] count = {0};
        long started = System.nanoTime();
        FleetTruth big = new FleetSimulator(FleetSpec.of(7L, 50, 200_000)).generate(line -> count[0]++);
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("generated {} events in {} s ({} events/s)", count[0], String.format("%.3f", seconds),
                Math.round(count[0] / seconds));
        assertThat(count[0]).isEqualTo(200_000).isEqualTo(big.events());
        assertThat(big.calls()).isEmpty();
        assertThat(seconds).isLessThan(10);
    }

    private static <K> Map<K, Long> countBy(List<ExpectedCall> calls, Function<ExpectedCall, K> key) {
        return calls.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
