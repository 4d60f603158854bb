package io.tributary.streams.common;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/**
 * The shape every line topology shares: raw → {@link LogLineProcessor} (with its dedupe store), which forwards each
 * record straight to the events sink or the DLQ sink (no branch or mapValues nodes in between).
 */
public final class LineTopology {
    private LineTopology() {
    }

    /** Names of a line topology's dedupe store and sinks, derived from its name ({@code vehicle}, {@code web}). */
    public record Names(String dedupeStore, String eventsSink, String dlqSink) {
        public static Names of(String name) {
            return new Names(dedupeStoreName(name), name + "-events-sink", name + "-dlq-sink");
        }
    }

    /**
     * @param name prefix of processor and store names ({@code vehicle}, {@code web}); stable names keep the changelog
     *             topic {@code <application.id>-<name>-dedupe-changelog} across versions
     * @param processor forwards events to {@link Names#eventsSink()} and dead letters to {@link Names#dlqSink()}
     */
    public static void build(StreamsBuilder builder, String name, String rawTopic, String eventsTopic,
                             String dlqTopic, Duration dedupeWindow,
                             ProcessorSupplier<String, byte[], String, byte[]> processor) {
        var names = Names.of(name);
        builder.addStateStore(Stores.windowStoreBuilder(
                // retention covers the current and the previous bucket even when stream time ran ahead of a record
                Stores.persistentWindowStore(names.dedupeStore(), dedupeWindow.multipliedBy(3), dedupeWindow, false),
                Serdes.String(), Serdes.Long()));
        KStream<String, byte[]> parsed = builder
                .stream(rawTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-raw"))
                .process(processor, Named.as(name + "-parse"), names.dedupeStore());
        parsed.to(eventsTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName(names.eventsSink()));
        parsed.to(dlqTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName(names.dlqSink()));
    }

    public static String dedupeStoreName(String name) {
        return name + "-dedupe";
    }
}
