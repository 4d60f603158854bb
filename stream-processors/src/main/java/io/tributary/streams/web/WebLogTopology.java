package io.tributary.streams.web;

import io.tributary.streams.common.LineRules;
import io.tributary.streams.common.LineTopology;
import io.tributary.streams.common.LogLineProcessor;
import org.apache.kafka.streams.StreamsBuilder;

import java.time.Clock;

/**
 * {@code web.logs.raw} (key site, value an access-log line) → parse/validate → dedupe by event_id →
 * {@code web.requests} (key site, canonical JSON) or {@code tributary.dlq}. Same accounting as the vehicle topology:
 * each raw record is one event, one dead letter or one counted duplicate.
 */
public final class WebLogTopology {
    public static final String NAME = "web";
    public static final String SCOPE = "tributary-web-parser";
    public static final String GROUP = "stream-" + SCOPE + "-metrics";

    private WebLogTopology() {
    }

    public static void build(StreamsBuilder builder, WebTopologyConfig config) {
        build(builder, config, Clock.systemUTC());
    }

    public static void build(StreamsBuilder builder, WebTopologyConfig config, Clock clock) {
        LineRules rules = config.rules(clock);
        var parser = new AccessLogParser(rules);
        LineTopology.build(builder, NAME, config.rawTopic(), config.eventsTopic(), config.dlqTopic(),
                rules.dedupeWindow(), () -> new LogLineProcessor(parser, config.onMalformed(),
                        WebTopologyConfig.ON_MALFORMED, SCOPE, LineTopology.Names.of(NAME),
                        rules.dedupeWindow().toMillis(), clock));
    }
}
