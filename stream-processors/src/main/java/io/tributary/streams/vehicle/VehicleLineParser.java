package io.tributary.streams.vehicle;

import io.tributary.events.EventIds;
import io.tributary.events.EventType;
import io.tributary.events.VehicleEvent;
import io.tributary.streams.common.LineRules;
import io.tributary.streams.common.LineText;
import io.tributary.streams.common.Outcome;
import io.tributary.streams.common.RejectCodes;

import java.time.Clock;
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
    public static final int MAX_VEHICLE_ID_LENGTH = 64;
    public static final int MAX_FUNCTION_LENGTH = 128;
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final String EITHER = "expected a CSV line " + CsvVehicleLines.FORM + " or a JSON object";

    private final JsonVehicleLines json = new JsonVehicleLines();
    private final LineRules rules;

    /** Default rules, event times checked against the system clock. */
    public VehicleLineParser() {
        this(LineRules.defaults(Clock.systemUTC()));
    }

    public VehicleLineParser(LineRules rules) {
        this.rules = rules;
    }

    public ParseResult parse(byte[] value, RecordOrigin origin) {
        return parse(value, origin, null);
    }

    /**
     * @param producerSeq the raw record's {@code seq} header, or null: used when the line carries no seq of its own,
     *                    and then the event id derives from (source, seq) rather than the offset
     */
    public ParseResult parse(byte[] value, RecordOrigin origin, Long producerSeq) {
        if (value == null) {
            return reject(RejectCodes.EMPTY, "Empty record (null value) in %s: %s", origin.location(), EITHER);
        }
        var oversized = rules.checkSize(value, origin::location);
        if (oversized != null) {
            return new ParseResult.Rejected(oversized.code(), oversized.reason());
        }
        Optional<String> decoded = LineText.utf8(value);
        if (decoded.isEmpty()) {
            return reject(RejectCodes.NOT_UTF8, "Record in %s is not UTF-8 text: %s", origin.location(), EITHER);
        }
        // strip() removes a CRLF or LF ending; a BOM is kept by editors at the start of exported files
        String line = decoded.get();
        line = (line.indexOf('\uFEFF') >= 0 ? line.replace("\uFEFF", "") : line).strip();
        if (line.isEmpty()) {
            return reject(RejectCodes.EMPTY, "Empty line in %s: %s", origin.location(), EITHER);
        }
        int control = LineText.firstControl(line, true);
        if (control >= 0) {
            return reject(RejectCodes.CONTROL_CHARACTER, "Line in %s contains control character %s at position %d: "
                            + "a record must hold exactly one line of printable text", origin.location(),
                    LineText.codePoint(line.charAt(control)), control + 1);
        }
        if (line.startsWith("{") || line.startsWith("[")) {
            return json.read(line, origin).map(raw -> validate(raw, origin, producerSeq));
        }
        String[] fields = CsvVehicleLines.fields(line);
        if (CsvVehicleLines.isHeader(fields)) {
            return new ParseResult.HeaderLine();
        }
        return CsvVehicleLines.read(fields, line, origin).map(raw -> validate(raw, origin, producerSeq));
    }

    private ParseResult validate(RawVehicleLine raw, RecordOrigin origin, Long producerSeq) {
        String vehicleId = raw.vehicleId() == null ? "" : raw.vehicleId().strip();
        if (vehicleId.isEmpty()) {
            return reject(RejectCodes.MISSING_FIELD, "Missing vehicle_id in %s: every line must name its vehicle",
                    origin.location());
        }
        ParseResult bad = name("vehicle_id", vehicleId, MAX_VEHICLE_ID_LENGTH, origin);
        if (bad != null) {
            return bad;
        }
        String function = raw.function() == null ? "" : raw.function().strip();
        if (function.isEmpty()) {
            return reject(RejectCodes.MISSING_FIELD,
                    "Missing function in %s: every line must name the function it logs", origin.location());
        }
        bad = name("function", function, MAX_FUNCTION_LENGTH, origin);
        if (bad != null) {
            return bad;
        }
        if (raw.timestamp() == null || raw.timestamp().isBlank()) {
            return reject(RejectCodes.MISSING_FIELD, "Missing timestamp in %s: expected epoch seconds or ISO-8601",
                    origin.location());
        }
        Optional<Instant> time = EventTimestamps.parse(raw.timestamp());
        if (time.isEmpty()) {
            return reject(RejectCodes.BAD_TIMESTAMP, "Cannot parse timestamp '%s' in %s: expected epoch seconds or "
                    + "ISO-8601", quote(raw.timestamp()), origin.location());
        }
        if (EventTimestamps.finerThanMicros(time.get())) {
            return reject(RejectCodes.BAD_TIMESTAMP, "Timestamp '%s' in %s is finer than a microsecond: at most 6 "
                    + "decimals are kept, exactly", quote(raw.timestamp()), origin.location());
        }
        var outOfRange = rules.checkTime(time.get(), () -> raw.timestamp().strip(), origin::location);
        if (outOfRange != null) {
            return new ParseResult.Rejected(outOfRange.code(), outOfRange.reason());
        }
        Optional<EventType> type = EventType.parse(raw.event());
        if (type.isEmpty()) {
            return raw.event() == null || raw.event().isBlank()
                    ? reject(RejectCodes.MISSING_FIELD, "Missing event in %s: expected start or end", origin.location())
                    : reject(RejectCodes.UNKNOWN_EVENT, "Unknown event '%s' in %s: expected start or end (any case)",
                    quote(raw.event()), origin.location());
        }
        Long seq = raw.seq() != null ? raw.seq() : producerSeq;
        String eventId;
        if (raw.eventId() != null) {
            if (!EVENT_ID.matcher(raw.eventId()).matches()) {
                return reject(RejectCodes.BAD_FIELD, "Invalid event_id '%s' in %s: expected 32 hex characters, or no "
                        + "event_id at all", quote(raw.eventId()), origin.location());
            }
            eventId = raw.eventId().toLowerCase(Locale.ROOT);
        } else {
            String seqOrPosition = raw.seq() != null ? raw.seq().toString()
                    : producerSeq != null ? origin.source() + "#" + producerSeq
                    : origin.position();
            eventId = EventIds.vehicleEventId(vehicleId, time.get(), function, type.get(), seqOrPosition);
        }
        return new ParseResult.Parsed(new VehicleEvent(eventId, vehicleId, function, type.get(), time.get(), seq,
                origin.source(), Instant.ofEpochMilli(origin.timestampMs())));
    }

    private static ParseResult name(String field, String value, int maxLength, RecordOrigin origin) {
        Outcome.Rejected bad = LineText.checkName(field, value, maxLength, origin::location);
        return bad == null ? null : new ParseResult.Rejected(bad.code(), bad.reason());
    }

    static ParseResult.Rejected reject(String code, String format, Object... args) {
        return new ParseResult.Rejected(code, String.format(Locale.ROOT, format, args));
    }

    static String quote(String value) {
        return LineText.quote(value);
    }
}
