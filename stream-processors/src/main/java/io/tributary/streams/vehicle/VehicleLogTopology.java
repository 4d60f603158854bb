package io.tributary.streams.vehicle;

import io.tributary.events.VehicleEventJson;
import io.tributary.streams.common.LineParser;
import io.tributary.streams.common.LineRules;
import io.tributary.streams.common.LineTopology;
import io.tributary.streams.common.LogLineProcessor;
import io.tributary.streams.common.Outcome;
import org.apache.kafka.streams.StreamsBuilder;

import java.time.Clock;

/**
 * {@code vehicle.logs.raw} → parse/validate → dedupe by event_id → {@code vehicle.events} (key vehicle_id, canonical
 * JSON) or {@code tributary.dlq} (original bytes, reason in headers). One raw record gives exactly one event, one dead
 * letter, one counted duplicate, or one counted header skip.
 */
public final class VehicleLogTopology {
    public static final String NAME = "vehicle";

    private VehicleLogTopology() {
    }

    public static void build(StreamsBuilder builder, VehicleTopologyConfig config) {
        build(builder, config, Clock.systemUTC());
    }

    /** @param clock "now" of the event-time range check (tests pin it) */
    public static void build(StreamsBuilder builder, VehicleTopologyConfig config, Clock clock) {
        LineRules rules = config.rules(clock);
        LineParser parser = lineParser(new VehicleLineParser(rules));
        LineTopology.build(builder, NAME, config.rawTopic(), config.eventsTopic(), config.dlqTopic(),
                rules.dedupeWindow(), () -> new LogLineProcessor(parser, config.onMalformed(),
                        VehicleTopologyConfig.ON_MALFORMED, VehicleLogMetrics.SCOPE,
                        LineTopology.Names.of(NAME), rules.dedupeWindow().toMillis(), clock));
    }

    static LineParser lineParser(VehicleLineParser parser) {
        return (value, raw) -> {
            var origin = new RecordOrigin(raw.topic(), raw.partition(), raw.offset(), raw.timestampMs(), raw.source());
            ParseResult result = parser.parse(value, origin, raw.seq());
            if (result instanceof ParseResult.Parsed ok) {
                return new Outcome.Accepted(ok.event().vehicleId(), ok.event().eventId(),
                        VehicleEventJson.encode(ok.event()));
            }
            if (result instanceof ParseResult.Rejected rejected) {
                return new Outcome.Rejected(rejected.code(), rejected.reason());
            }
            return new Outcome.Skipped();
        };
    }
}
