package io.tributary.streams.vehicle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.streams.common.RejectCodes;

/**
 * Reads the JSON form {@code {"vehicle_id","ts","function","event","seq"?,"event_id"?}}. Unknown fields are ignored
 * so producers can add fields without breaking this stage.
 */
final class JsonVehicleLines {
    // Exact decimals: a double cannot hold epoch seconds with six fraction digits exactly.
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    LineRead read(String line, RecordOrigin origin) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JacksonException e) {
            return LineRead.failed(VehicleLineParser.reject(RejectCodes.MALFORMED,
                    "Malformed JSON in %s (%s): expected an object with vehicle_id, ts, function, event",
                    origin.location(), VehicleLineParser.quote(e.getOriginalMessage())));
        }
        if (node == null || !node.isObject()) {
            return LineRead.failed(VehicleLineParser.reject(RejectCodes.MALFORMED,
                    "Expected a JSON object in %s but found %s: an object with vehicle_id, ts, function, event",
                    origin.location(), node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        for (String field : new String[] {"vehicle_id", "ts", "function", "event", "event_id"}) {
            JsonNode value = node.get(field);
            if (value != null && value.isContainerNode()) {
                return LineRead.failed(VehicleLineParser.reject(RejectCodes.BAD_FIELD,
                        "Field %s in %s is a JSON %s: expected a string or number",
                        field, origin.location(), value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        Long seq = null;
        JsonNode seqNode = node.get("seq");
        if (seqNode != null && !seqNode.isNull()) {
            if (!seqNode.isIntegralNumber() || !seqNode.canConvertToLong()) {
                return LineRead.failed(VehicleLineParser.reject(RejectCodes.BAD_FIELD, "Cannot parse seq '%s' in %s: expected an integer",
                        VehicleLineParser.quote(seqNode.toString()), origin.location()));
            }
            seq = seqNode.longValue();
        }
        JsonNode ts = node.get("ts");
        String timestamp = ts == null || ts.isNull() ? null
                : ts.isNumber() ? ts.decimalValue().toPlainString() : ts.asText();
        return LineRead.of(new RawVehicleLine(text(node, "vehicle_id"), timestamp, text(node, "function"),
                text(node, "event"), seq, text(node, "event_id")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
