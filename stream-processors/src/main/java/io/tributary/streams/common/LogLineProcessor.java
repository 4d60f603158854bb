package io.tributary.streams.common;

import io.tributary.events.DlqHeaders;
import io.tributary.events.RawHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Parses each raw record and routes it: a canonical event (unless its id was seen within the dedupe window, then it
 * is a counted duplicate), a counted skip, or the original bytes with the reason to the DLQ. Every raw record ends as
 * exactly one of the four, each counted in {@link LineMetrics}.
 */
public final class LogLineProcessor implements Processor<String, byte[], String, byte[]> {
    public static final String STAGE = "stream-processors";

    private final LineParser parser;
    private final OnMalformed onMalformed;
    private final String onMalformedKey;
    private final String scope;
    private final LineTopology.Names names;
    private final long dedupeWindowMs;
    private final Clock clock;
    private ProcessorContext<String, byte[]> context;
    private WindowStore<String, Long> seen;
    private LineMetrics metrics;

    /**
     * @param onMalformedKey the config key of {@code onMalformed}, named in the failure under {@code fail}
     * @param names          the topology's node and store names: the dedupe window store (event id → first record
     *                       time) attached to this processor, and the sinks it forwards to
     */
    public LogLineProcessor(LineParser parser, OnMalformed onMalformed, String onMalformedKey, String scope,
                            LineTopology.Names names, long dedupeWindowMs, Clock clock) {
        this.parser = parser;
        this.onMalformed = onMalformed;
        this.onMalformedKey = onMalformedKey;
        this.scope = scope;
        this.names = names;
        this.dedupeWindowMs = dedupeWindowMs;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.seen = context.getStateStore(names.dedupeStore());
        this.metrics = new LineMetrics(context.metrics(), scope, context.taskId().toString());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow(() ->
                new IllegalStateException("log lines must come from a topic (record metadata missing)"));
        long now = clock.millis();
        metrics.received(Math.max(0, now - record.timestamp()), now);
        var raw = new RawRecord(metadata.topic(), metadata.partition(), metadata.offset(), record.timestamp(),
                record.key(), text(record.headers().lastHeader(RawHeaders.SOURCE)),
                seq(record.headers().lastHeader(RawHeaders.SEQ)));
        Outcome outcome = parser.parse(record.value(), raw);
        if (outcome instanceof Outcome.Accepted ok) {
            if (isDuplicate(ok.eventId(), record.timestamp())) {
                metrics.duplicate();
                return;
            }
            metrics.parsed();
            // canonical events carry their lineage in the JSON (source, ingest_time), not in raw headers
            context.forward(new Record<>(ok.key(), ok.value(), record.timestamp(), new RecordHeaders()),
                    names.eventsSink());
        } else if (outcome instanceof Outcome.Skipped) {
            metrics.skipped();
        } else if (outcome instanceof Outcome.Rejected rejected) {
            if (onMalformed == OnMalformed.FAIL) {
                throw new StreamsException(rejected.reason() + " (" + onMalformedKey + "=fail)");
            }
            metrics.deadLettered(rejected.code());
            context.forward(record.withHeaders(dlqHeaders(record.headers(), metadata, rejected.reason())),
                    names.dlqSink());
        }
    }

    /**
     * Whether the id was already seen; records it if not. Ids are kept in buckets of one window of record time (the
     * window start is the bucket), so a check is two point lookups (this bucket and the one before) instead of a range
     * scan: an id is remembered for at least one window and at most two. The store is changelogged and written in the
     * same transaction as the output, so a restart neither forgets an id nor remembers one whose event was never
     * committed.
     */
    private boolean isDuplicate(String eventId, long timestampMs) {
        long bucket = Math.floorDiv(timestampMs, dedupeWindowMs) * dedupeWindowMs;
        if (seen.fetch(eventId, bucket) != null
                || (bucket - dedupeWindowMs >= 0 && seen.fetch(eventId, bucket - dedupeWindowMs) != null)) {
            return true;
        }
        seen.put(eventId, timestampMs, bucket);
        return false;
    }

    private static Headers dlqHeaders(Headers original, RecordMetadata metadata, String reason) {
        var headers = new RecordHeaders(original.toArray());
        for (String name : new String[] {DlqHeaders.ERROR_STAGE, DlqHeaders.ERROR_REASON, DlqHeaders.SOURCE_TOPIC,
                DlqHeaders.SOURCE_PARTITION, DlqHeaders.SOURCE_OFFSET}) {
            headers.remove(name);
        }
        return headers.add(DlqHeaders.ERROR_STAGE, utf8(STAGE))
                .add(DlqHeaders.ERROR_REASON, utf8(reason))
                .add(DlqHeaders.SOURCE_TOPIC, utf8(metadata.topic()))
                .add(DlqHeaders.SOURCE_PARTITION, utf8(Integer.toString(metadata.partition())))
                .add(DlqHeaders.SOURCE_OFFSET, utf8(Long.toString(metadata.offset())));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A seq header that is not a number is ignored: the position then identifies the record, as without one. */
    private static Long seq(Header header) {
        String text = text(header);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
