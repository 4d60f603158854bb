package io.tributary.streams.vehicle;

import io.tributary.events.EventIds;
import io.tributary.events.EventType;
import io.tributary.events.VehicleEvent;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one raw record of {@code vehicle.logs.raw} into a canonical {@link VehicleEvent}, in either form of DESIGN.md:
 * the seed CSV {@code vehicle_id,timestamp,function,event} or a JSON object. Never throws on bad input: every problem
 * becomes a {@link ParseResult.Rejected} whose reason names the record and what was expected. Thread-safe.
 */
public final class VehicleLineParser {
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final int MAX_QUOTED = 80;

    private final JsonVehicleLines json = new JsonVehicleLines();

    public ParseResult parse(byte[] value, RecordOrigin origin) {
        if (value == null) {
            return reject("Empty record (null value) in %s: expected a CSV line %s or a JSON object",
                    origin.location(), CsvVehicleLines.FORM);
        }
        Optional<String> decoded = utf8(value);
        if (decoded.isEmpty()) {
            return reject("Record in %s is not UTF-8 text: expected a CSV line %s or a JSON object",
                    origin.location(), CsvVehicleLines.FORM);
        }
        String line = decoded.get().replace("\uFEFF", "").strip();
        if (line.isEmpty()) {
            return reject("Empty line in %s: expected a CSV line %s or a JSON object",
                    origin.location(), CsvVehicleLines.FORM);
        }
        if (line.startsWith("{") || line.startsWith("[")) {
            return json.read(line, origin).map(raw -> validate(raw, origin));
        }
        if (CsvVehicleLines.isHeader(line)) {
            return new ParseResult.HeaderLine();
        }
        return CsvVehicleLines.read(line, origin).map(raw -> validate(raw, origin));
    }

    private static ParseResult validate(RawVehicleLine raw, RecordOrigin origin) {
        String vehicleId = raw.vehicleId() == null ? "" : raw.vehicleId().strip();
        if (vehicleId.isEmpty()) {
            return reject("Missing vehicle_id in %s: every line must name its vehicle", origin.location());
        }
        String function = raw.function() == null ? "" : raw.function().strip();
        if (function.isEmpty()) {
            return reject("Missing function in %s: every line must name the function it logs", origin.location());
        }
        if (raw.timestamp() == null || raw.timestamp().isBlank()) {
            return reject("Missing timestamp in %s: expected epoch seconds or ISO-8601", origin.location());
        }
        Optional<Instant> time = EventTimestamps.parse(raw.timestamp());
        if (time.isEmpty()) {
            return reject("Cannot parse timestamp '%s' in %s: expected epoch seconds or ISO-8601",
                    quote(raw.timestamp()), origin.location());
        }
        Optional<EventType> type = EventType.parse(raw.event());
        if (type.isEmpty()) {
            return raw.event() == null || raw.event().isBlank()
                    ? reject("Missing event in %s: expected start or end", origin.location())
                    : reject("Unknown event '%s' in %s: expected start or end (any case)",
                    quote(raw.event()), origin.location());
        }
        String eventId;
        if (raw.eventId() != null) {
            if (!EVENT_ID.matcher(raw.eventId()).matches()) {
                return reject("Invalid event_id '%s' in %s: expected 32 hex characters, or no event_id at all",
                        quote(raw.eventId()), origin.location());
            }
            eventId = raw.eventId().toLowerCase(Locale.ROOT);
        } else {
            String seqOrPosition = raw.seq() != null ? raw.seq().toString() : origin.position();
            eventId = EventIds.vehicleEventId(vehicleId, time.get(), function, type.get(), seqOrPosition);
        }
        return new ParseResult.Parsed(new VehicleEvent(eventId, vehicleId, function, type.get(), time.get(), raw.seq(),
                origin.source(), Instant.ofEpochMilli(origin.timestampMs())));
    }

    static ParseResult.Rejected reject(String format, Object... args) {
        return new ParseResult.Rejected(String.format(Locale.ROOT, format, args));
    }

    /** Long values are cut in reasons: the DLQ record carries the whole original anyway. */
    static String quote(String value) {
        return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
    }

    private static Optional<String> utf8(byte[] value) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
