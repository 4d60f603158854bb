package io.tributary.streams.vehicle;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code vehicle.logs.raw} → parse/validate → {@code vehicle.events} (key vehicle_id, canonical JSON) or
 * {@code tributary.dlq} (original bytes, reason in headers). Stateless: one raw record gives exactly one event, one
 * dead letter, or one counted header skip.
 */
public final class VehicleLogTopology {
    private VehicleLogTopology() {
    }

    public static void build(StreamsBuilder builder, VehicleTopologyConfig config) {
        var parser = new VehicleLineParser();
        var onMalformed = config.onMalformed();
        KStream<String, Routed> routed = builder
                .stream(config.rawTopic(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("vehicle-raw"))
                .process(() -> new VehicleLogProcessor(parser, onMalformed), Named.as("vehicle-parse"));
        routed.split(Named.as("vehicle-"))
                .branch((key, value) -> value.deadLetter(), Branched.<String, Routed>withConsumer(dlq -> dlq
                        .mapValues(Routed::value, Named.as("vehicle-dlq-bytes"))
                        .to(config.dlqTopic(), Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName("vehicle-dlq-sink"))).withName("dlq"))
                .defaultBranch(Branched.<String, Routed>withConsumer(events -> events
                        .mapValues(Routed::value, Named.as("vehicle-event-bytes"))
                        .to(config.eventsTopic(), Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName("vehicle-events-sink"))).withName("events"));
    }
}
