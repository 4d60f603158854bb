package io.tributary.streams.vehicle;

import io.tributary.events.DlqHeaders;
import io.tributary.events.VehicleEventJson;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;

/** Parses each raw record and routes it: canonical event keyed by vehicle_id, or the original bytes to the DLQ. */
final class VehicleLogProcessor implements Processor<String, byte[], String, Routed> {
    static final String STAGE = "stream-processors";
    static final String SOURCE_HEADER = "source";

    private final VehicleLineParser parser;
    private final VehicleTopologyConfig.OnMalformed onMalformed;
    private ProcessorContext<String, Routed> context;
    private Sensor parsed;
    private Sensor deadLettered;
    private Sensor skippedHeaders;

    VehicleLogProcessor(VehicleLineParser parser, VehicleTopologyConfig.OnMalformed onMalformed) {
        this.parser = parser;
        this.onMalformed = onMalformed;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        String task = context.taskId().toString();
        var metrics = context.metrics();
        parsed = metrics.addRateTotalSensor(VehicleLogMetrics.SCOPE, task, VehicleLogMetrics.PARSED,
                Sensor.RecordingLevel.INFO);
        deadLettered = metrics.addRateTotalSensor(VehicleLogMetrics.SCOPE, task, VehicleLogMetrics.DEAD_LETTERED,
                Sensor.RecordingLevel.INFO);
        skippedHeaders = metrics.addRateTotalSensor(VehicleLogMetrics.SCOPE, task, VehicleLogMetrics.SKIPPED_HEADERS,
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow(() ->
                new IllegalStateException("vehicle lines must come from a topic (record metadata missing)"));
        var origin = new RecordOrigin(metadata.topic(), metadata.partition(), metadata.offset(), record.timestamp(),
                text(record.headers().lastHeader(SOURCE_HEADER)));
        ParseResult result = parser.parse(record.value(), origin);
        if (result instanceof ParseResult.Parsed ok) {
            parsed.record();
            // canonical events carry their lineage in the JSON (source, ingest_time), not in raw headers
            context.forward(record.withKey(ok.event().vehicleId())
                    .withValue(new Routed(false, VehicleEventJson.encode(ok.event())))
                    .withHeaders(new RecordHeaders()));
        } else if (result instanceof ParseResult.HeaderLine) {
            skippedHeaders.record();
        } else if (result instanceof ParseResult.Rejected rejected) {
            if (onMalformed == VehicleTopologyConfig.OnMalformed.FAIL) {
                throw new StreamsException(rejected.reason() + " (streams.vehicle.on.malformed=fail)");
            }
            deadLettered.record();
            context.forward(record.withValue(new Routed(true, record.value()))
                    .withHeaders(dlqHeaders(record.headers(), metadata, rejected.reason())));
        }
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

    @Override
    public void close() {
        var metrics = context.metrics();
        metrics.removeSensor(parsed);
        metrics.removeSensor(deadLettered);
        metrics.removeSensor(skippedHeaders);
    }
}
