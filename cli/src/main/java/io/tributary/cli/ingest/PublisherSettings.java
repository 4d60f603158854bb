package io.tributary.cli.ingest;

import io.tributary.cli.config.ConfigOptions;
import io.tributary.cli.stack.Reachability;
import io.tributary.cli.stack.StackLocation;
import io.tributary.config.KafkaClientConfig;
import io.tributary.producers.publish.LogPublisherConfig;
import org.apache.kafka.common.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code produce}, {@code ship} and {@code ingest} publish: the Kafka of the running local stack, then the
 * shared configuration ({@code kafka.*}, {@code publisher.*} from file, TRIBUTARY_ environment, --set), then
 * --bootstrap. The cluster must answer before any line is sent: a dead address fails in seconds, naming it.
 */
final class PublisherSettings {
    private PublisherSettings() {
    }

    static LogPublisherConfig resolve(ConfigOptions options, StackLocation stack, String bootstrap,
                                      Map<String, String> defaults) {
        Map<String, String> props = new LinkedHashMap<>(defaults);
        String stackBootstrap = stack.endpointDefaults().get(KafkaClientConfig.BOOTSTRAP_SERVERS);
        if (stackBootstrap != null) {
            props.put(KafkaClientConfig.BOOTSTRAP_SERVERS, stackBootstrap);
        }
        props.putAll(options.load(System.getenv(), List.of(LogPublisherConfig.CONFIG_DEF)));
        if (bootstrap != null) {
            props.put(KafkaClientConfig.BOOTSTRAP_SERVERS, bootstrap);
        }
        if (props.getOrDefault(KafkaClientConfig.BOOTSTRAP_SERVERS, "").isBlank()) {
            throw new ConfigException("no Kafka to publish to: no local stack is running and neither --bootstrap nor "
                    + KafkaClientConfig.BOOTSTRAP_SERVERS + " is set; start one with ./tributary run, or pass "
                    + "--bootstrap HOST:PORT");
        }
        LogPublisherConfig config = LogPublisherConfig.of(props);
        Reachability.requireKafka(KafkaClientConfig.clientProperties(config));
        return config;
    }
}
