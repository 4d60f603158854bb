package io.tributary.cli.monitor;

import io.tributary.cli.DurationConverter;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.stack.Reachability;
import io.tributary.cli.stack.StackLocation;
import io.tributary.monitor.MonitorConfig;
import io.tributary.monitor.lag.GroupReport;
import io.tributary.monitor.lag.LagJson;
import io.tributary.monitor.lag.LagMonitor;
import io.tributary.monitor.lag.LagStatus;
import io.tributary.monitor.lag.LagTable;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tributary lag}: where each consumer group stands, in offsets and seconds, with a Burrow-style status. */
@Command(name = "lag", mixinStandardHelpOptions = true,
        description = {"Consumer lag per group, topic and partition (like kafka-consumer-groups --describe) plus lag "
                + "in seconds (age of the first unconsumed record) and a Burrow-style status (OK WARN STALL STOP ERR).",
                "Finds a running ./tributary run, demo or bench by itself; --bootstrap or kafka.bootstrap.servers override.",
                "Exit code 2 when a group cannot be read (unknown group, broker unreachable)."})
public final class LagCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Consumer group (repeatable; default: the pipeline's groups, or monitor.groups).")
    List<String> groups;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--watch", paramLabel = "INTERVAL", arity = "0..1", fallbackValue = "5s",
            converter = DurationConverter.class,
            description = "Refresh every INTERVAL (default 5s) until Ctrl-C; statuses use the sliding window.")
    Duration watch;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time-out of every call to Kafka (default: monitor.timeout.ms, 10s).")
    Duration timeout;

    @Mixin
    StackLocation stack;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> explicit = new LinkedHashMap<>();
        if (bootstrap != null) {
            explicit.put(MonitorConfig.BOOTSTRAP, bootstrap);
        }
        if (groups != null && !groups.isEmpty()) {
            explicit.put(MonitorConfig.GROUPS, String.join(",", groups));
        }
        if (timeout != null) {
            explicit.put(MonitorConfig.TIMEOUT_MS, Long.toString(timeout.toMillis()));
        }
        MonitorConfig settings = MonitorSettings.resolve(config, stack, explicit);
        // one clear line within seconds for a dead address, instead of a time-out per group
        Reachability.requireKafka(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LagMonitor monitor = LagMonitor.connect(settings.bootstrap(), settings.timeout(), settings.window(),
                Clock.systemUTC())) {
            while (true) {
                List<GroupReport> reports = monitor.sample(settings.groups());
                if (watch != null && !json) {
                    out.println("--- " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " ---");
                }
                out.print(json ? LagJson.render(reports) + System.lineSeparator() : LagTable.render(reports));
                out.flush();
                boolean failed = false;
                for (GroupReport report : reports) {
                    if (report.status() == LagStatus.ERR) {
                        err.println("tributary: " + report.error());
                        failed = true;
                    }
                }
                err.flush();
                if (watch == null) {
                    return failed ? 2 : 0;
                }
                Thread.sleep(watch.toMillis());
            }
        }
    }
}
