package io.tributary.streams.common;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/** The shape every line topology shares: raw → {@link LogLineProcessor} (with its dedupe store) → events | DLQ. */
public final class LineTopology {
    private LineTopology() {
    }

    /**
     * @param name prefix of processor and store names ({@code vehicle}, {@code web}); stable names keep the changelog
     *             topic {@code <application.id>-<name>-dedupe-changelog} across versions
     */
    public static void build(StreamsBuilder builder, String name, String rawTopic, String eventsTopic,
                             String dlqTopic, Duration dedupeWindow,
                             ProcessorSupplier<String, byte[], String, Routed> processor) {
        String store = dedupeStoreName(name);
        builder.addStateStore(Stores.windowStoreBuilder(
                // retention covers the current and the previous bucket even when stream time ran ahead of a record
                Stores.persistentWindowStore(store, dedupeWindow.multipliedBy(3), dedupeWindow, false),
                Serdes.String(), Serdes.Long()));
        KStream<String, Routed> routed = builder
                .stream(rawTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-raw"))
                .process(processor, Named.as(name + "-parse"), store);
        routed.split(Named.as(name + "-"))
                .branch((key, value) -> value.deadLetter(), Branched.<String, Routed>withConsumer(dlq -> dlq
                        .mapValues(Routed::value, Named.as(name + "-dlq-bytes"))
                        .to(dlqTopic, Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName(name + "-dlq-sink"))).withName("dlq"))
                .defaultBranch(Branched.<String, Routed>withConsumer(events -> events
                        .mapValues(Routed::value, Named.as(name + "-event-bytes"))
                        .to(eventsTopic, Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName(name + "-events-sink"))).withName("events"));
    }

    public static String dedupeStoreName(String name) {
        return name + "-dedupe";
    }
}
