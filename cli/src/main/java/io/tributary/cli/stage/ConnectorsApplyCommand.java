package io.tributary.cli.stage;

import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.config.StageConfigs;
import io.tributary.cli.pipeline.ConnectorsConfig;
import io.tributary.cli.pipeline.SinkConnectors;
import io.tributary.cli.stack.Reachability;
import io.tributary.cli.stack.StackLocation;
import io.tributary.stack.connect.ConnectRestClient;
import io.tributary.stack.connect.ConnectRestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tributary connectors apply}: create or update the sink connectors, idempotently, saying what changed. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Create or update the S3 sink connectors (vehicle.events and web.requests) through the Connect "
                + "REST API, then wait until they run. Applying the same configuration again changes nothing.",
                "Prints per connector: created, updated (with the keys that changed; values are never printed, "
                        + "some are secrets) or unchanged.",
                "With s3.endpoint set (s3proxy, MinIO) the connectors use static keys (s3.access.key/s3.secret.key);"
                        + " without it, AWS S3 with the Connect worker's default credential chain."})
public final class ConnectorsApplyCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    StackLocation stack;

    @Spec
    CommandSpec spec;

    @Option(names = "--connect-url", paramLabel = "URL",
            description = "Kafka Connect REST URL (default: connect.url, else the running local stack's worker).")
    String connectUrl;

    @Option(names = "--timeout", description = "How long to wait for the connectors to run, in seconds "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "60")
    int timeoutSeconds;

    @Override
    public Integer call() {
        var props = StageConfigs.resolve(config, stack.endpointDefaults(), List.of(ConnectorsConfig.CONFIG_DEF));
        if (connectUrl != null) {
            props.put(ConnectorsConfig.CONNECT_URL, connectUrl);
        }
        StageConfigs.require(props, ConnectorsConfig.CONNECT_URL, "Kafka Connect");
        var connectors = new ConnectorsConfig(props);
        Reachability.requireListening("Kafka Connect", connectors.connectUrl(), ConnectorsConfig.CONNECT_URL);
        var rest = new ConnectRestClient(connectors.connectUrl());
        var out = spec.commandLine().getOut();
        SinkConnectors sinks = SinkConnectors.of(connectors);
        try {
            for (SinkConnectors.Change change : sinks.apply(rest)) {
                out.println(change);
            }
            out.flush();
            sinks.awaitRunning(rest, Duration.ofSeconds(timeoutSeconds));
        } catch (ConnectRestException e) {
            throw new UserFacingException(e.getMessage() + " (worker log: the Connect worker's own log; "
                    + "a missing plugin means connect-s3-sink's zip is not on its plugin.path)", e, 1);
        }
        out.println("running: " + String.join(", ", sinks.names()) + " on " + connectors.connectUrl());
        return 0;
    }
}
