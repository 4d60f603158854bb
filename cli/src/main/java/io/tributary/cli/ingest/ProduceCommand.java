package io.tributary.cli.ingest;

import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.stack.StackLocation;
import io.tributary.events.Topics;
import io.tributary.producers.faults.FaultSpec;
import io.tributary.producers.faults.FaultTruth;
import io.tributary.producers.faults.SimRun;
import io.tributary.producers.fleet.FleetRun;
import io.tributary.producers.fleet.FleetSimulator;
import io.tributary.producers.fleet.FleetSpec;
import io.tributary.producers.fleet.FunctionCatalogue;
import io.tributary.producers.publish.LogPublisher;
import io.tributary.producers.web.WebRun;
import io.tributary.producers.web.WebSimulator;
import io.tributary.producers.web.WebSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tributary produce vehicles|web}: simulated logs into the raw topics, optionally with faults. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Publish simulated logs: vehicle function START/END lines to vehicle.logs.raw, or access logs "
                + "of the three hotel sites to web.logs.raw. Same --seed, same lines.",
                "Publishes to the running running ./tributary run stack by default; --bootstrap for any cluster.",
                "Lines carry headers source and seq: re-running with the same seed re-sends the same events, which "
                        + "the stream processors count as duplicates (use another --seed for new data)."})
public final class ProduceCommand implements Callable<Integer> {

    enum Kind { vehicles, web }

    @Mixin
    ConfigOptions config;

    @Mixin
    StackLocation stack;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "vehicles|web", description = "What to simulate.")
    Kind kind;

    @Option(names = "--count", description = "Lines to generate (default: ${DEFAULT-VALUE}).", defaultValue = "10000")
    long count;

    @Option(names = "--rate", description = "Lines per second; 0 = as fast as Kafka takes them (default: ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    double rate;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--seed", description = "Simulator seed (default: the current time, so each run is new data).")
    Long seed;

    @Option(names = "--vehicles", description = "Simulated vehicles (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    int vehicles;

    @Option(names = "--start", description = "Event time of the first line, ISO-8601; or 'now': the run ends at about "
            + "the current time, so no line is in the future (default: ${DEFAULT-VALUE}).", defaultValue = "now")
    String start;

    @Option(names = "--faults", paramLabel = "RATE", description = "Inject every fault (duplicates, reordering, "
            + "late lines, malformed lines) at this rate per line, e.g. 0.01 (default: none).", defaultValue = "0")
    double faults;

    @Override
    public Integer call() {
        if (count < 0 || rate < 0 || vehicles < 1 || !(faults >= 0 && faults <= 1.0 / 3)) {
            throw new UserFacingException("--count and --rate must be >= 0, --vehicles >= 1, --faults within 0..0.33");
        }
        long actualSeed = seed != null ? seed : System.currentTimeMillis();
        Instant first = startTime(actualSeed);
        FaultSpec faultSpec = faults == 0 ? FaultSpec.none() : FaultSpec.everyFaultAt(faults, actualSeed);
        PrintWriter out = spec.commandLine().getOut();
        var bar = new ProgressBar(out);
        var settings = PublisherSettings.resolve(config, stack, bootstrap, Map.of());
        out.printf("Publishing %,d simulated %s lines (seed %d) to %s%s ...%n", count, kind, actualSeed,
                settings.getString(io.tributary.producers.publish.LogPublisherConfig.BOOTSTRAP_SERVERS),
                rate > 0 ? String.format(Locale.ROOT, " at %,.0f lines/s", rate) : "");
        out.flush();
        FaultTruth truth;
        try (var publisher = new LogPublisher(settings)) {
            if (kind == Kind.vehicles) {
                var fleet = new FleetSpec(actualSeed, vehicles, count, first, FunctionCatalogue.standard(), false);
                truth = FleetRun.publish(new FleetSimulator(fleet), publisher, Topics.VEHICLE_LOGS_RAW, rate,
                        faultSpec, p -> bar.update(p.published() / (double) Math.max(1, count),
                                String.format(Locale.ROOT, "%,d published, %,d acknowledged, %,.0f lines/s",
                                        p.published(), p.acknowledged(), p.eventsPerSecond()), false)).faults();
            } else {
                truth = WebRun.publish(new WebSimulator(WebSpec.of(actualSeed, count).withStart(first)), publisher,
                        Topics.WEB_LOGS_RAW, rate, faultSpec, p -> bar.update(p.published() / (double) Math.max(1, count),
                                String.format(Locale.ROOT, "%,d published, %,d acknowledged, %,.0f lines/s",
                                        p.published(), p.acknowledged(), p.eventsPerSecond()), false)).faults();
            }
        } catch (FleetRun.FleetRunException | SimRun.RunException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        bar.update(1, String.format(Locale.ROOT, "%,d lines published", truth.published()), true);
        out.printf("Expected downstream: %,d events, %,d dead letters, %,d duplicates (%,d reordered, %,d late)%n",
                truth.expectedEvents(), truth.expectedDeadLetters(), truth.expectedDuplicates(), truth.reordered(),
                truth.late());
        return 0;
    }

    private Instant startTime(long actualSeed) {
        if (start.equalsIgnoreCase("now")) {
            // a dry run measures the span of event time the run covers (generation is cheap next to publishing)
            long[] last = {0};
            Instant origin = FleetSpec.DEFAULT_START;
            if (kind == Kind.vehicles) {
                new FleetSimulator(new FleetSpec(actualSeed, vehicles, count, origin, FunctionCatalogue.standard(),
                        false)).generate(line -> last[0] = Math.max(last[0], line.epochMicros()));
            } else {
                new WebSimulator(WebSpec.of(actualSeed, count).withStart(origin))
                        .generate(line -> last[0] = Math.max(last[0], line.epochMicros()));
            }
            long spanMicros = Math.max(0, last[0] - ChronoUnit.MICROS.between(Instant.EPOCH, origin));
            return Instant.now().minus(spanMicros, ChronoUnit.MICROS).truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new UserFacingException("--start must be 'now' or an ISO-8601 instant such as 2020-01-01T00:00:00Z, "
                    + "got '" + start + "'");
        }
    }
}
