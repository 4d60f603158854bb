package io.tributary.cli.bench;

import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.producers.fleet.FunctionCatalogue;
import io.tributary.producers.web.WebSimulator;
import io.tributary.producers.web.WebSpec;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulators of one run, sized by a {@link WorkloadPlan}, with their exact raw bytes. Both simulators are
 * deterministic, so a dry run counts the bytes (and the span of event times) before anything is published.
 *
 * <p>Event times end {@link #END_BEFORE_NOW} before the run starts: the simulators' event time runs faster or slower
 * than the wall clock (the web simulator's 1M lines span days), and the stream processors reject event times more
 * than 5 minutes ahead of their clock, so a run starting "now" would dead-letter its tail once it is large.
 */
public record Workload(Mix mix, FleetSpec fleet, WebSpec web, long vehicleBytes, long webBytes) {
    static final int SAMPLE_LINES = 20_000;
    static final Duration END_BEFORE_NOW = Duration.ofMinutes(10);

    public long vehicleEvents() {
        return fleet.targetEvents() / 2 * 2;
    }

    public long webLines() {
        return web.targetLines();
    }

    public long lines() {
        return vehicleEvents() + webLines();
    }

    public long rawBytes() {
        return vehicleBytes + webBytes;
    }

    /** Mean UTF-8 bytes per line of each simulator, from a sample of {@link #SAMPLE_LINES} lines with this seed. */
    public static double[] meanLineBytes(long seed, int vehicles) {
        var fleetSample = new FleetSpec(seed, vehicles, SAMPLE_LINES, FleetSpec.DEFAULT_START, FunctionCatalogue.standard(),
                false);
        double vehicle = (double) dryRun(fleetSample).bytes / SAMPLE_LINES;
        double web = (double) dryRun(WebSpec.of(seed, SAMPLE_LINES)).bytes / SAMPLE_LINES;
        return new double[] {vehicle, web};
    }

    /** Builds both specs for {@code plan}, with event times ending {@link #END_BEFORE_NOW} before {@code now}. */
    public static Workload of(WorkloadPlan plan, Mix mix, long seed, int vehicles, Instant now) {
        var fleet = new FleetSpec(seed, vehicles, plan.vehicleEvents(), FleetSpec.DEFAULT_START,
                FunctionCatalogue.standard(), false);
        var web = WebSpec.of(seed, plan.webLines());
        DryRun fleetRun = dryRun(fleet);
        DryRun webRun = dryRun(web);
        Instant end = now.minus(END_BEFORE_NOW).truncatedTo(ChronoUnit.SECONDS);
        fleet = new FleetSpec(seed, vehicles, plan.vehicleEvents(), end.minus(fleetRun.span()),
                FunctionCatalogue.standard(), false);
        web = web.withStart(end.minus(webRun.span()));
        return new Workload(mix, fleet, web, fleetRun.bytes, webRun.bytes);
    }

    /** The same traffic moved so that its last event time is {@code end} (to the second, not after it). */
    public static WebSpec webEndingAt(WebSpec spec, Instant end) {
        return spec.withStart(end.truncatedTo(ChronoUnit.SECONDS).minus(dryRun(spec).span()));
    }

    /** Bytes of every line and the span from the spec's start to the last event time. */
    record DryRun(long bytes, long lastMicros, Instant start) {
        Duration span() {
            if (lastMicros == Long.MIN_VALUE) {
                return Duration.ofSeconds(1); // nothing generated
            }
            long startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, start);
            return Duration.ofNanos(Math.max(0, lastMicros - startMicros) * 1000).plusSeconds(1);
        }
    }

    static DryRun dryRun(FleetSpec spec) {
        long[] acc = {0, Long.MIN_VALUE};
        if (spec.targetEvents() > 0) {
            new FleetSimulator(spec).generate(line -> {
                acc[0] += utf8Length(line.line());
                acc[1] = Math.max(acc[1], line.epochMicros());
            });
        }
        return new DryRun(acc[0], acc[1], spec.start());
    }

    static DryRun dryRun(WebSpec spec) {
        long[] acc = {0, Long.MIN_VALUE};
        if (spec.targetLines() > 0) {
            new WebSimulator(spec).generate(line -> {
                acc[0] += utf8Length(line.line());
                acc[1] = Math.max(acc[1], line.epochMicros());
            });
        }
        return new DryRun(acc[0], acc[1], spec.start());
    }

    /** UTF-8 length without encoding: the simulators write ASCII, but count correctly whatever they write. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
