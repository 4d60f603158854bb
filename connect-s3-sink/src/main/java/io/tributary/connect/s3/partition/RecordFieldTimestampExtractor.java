package io.tributary.connect.s3.partition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tributary.connect.s3.format.RecordValues;
import io.tributary.connect.s3.format.RecordValues.BadValueException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

/**
 * {@code timestamp.extractor=RecordField}: the time in field {@code timestamp.field} of the value (dots reach
 * nested fields). Works on JSON bytes/strings (the landing topics carry canonical JSON; read with a streaming
 * parser, without building a tree) and on Connect {@link Struct}/{@link Map} values. The field may hold epoch
 * millis (number) or an ISO-8601 instant such as {@code 2020-01-01T00:00:00.125000Z}.
 */
public final class RecordFieldTimestampExtractor implements TimestampExtractor {
    private static final JsonFactory JSON = new JsonFactory();
    private final String field;
    private final String[] path;

    public RecordFieldTimestampExtractor(String field) {
        this.field = field;
        this.path = field.split("\\.");
    }

    @Override
    public long timestampOf(SinkRecord record) {
        Object value = record.value();
        Object found;
        if (value instanceof byte[] bytes) {
            found = fromJson(record, bytes);
        } else if (value instanceof String s) {
            found = fromJson(record, s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Struct || value instanceof Map<?, ?>) {
            found = fromData(value);
        } else {
            throw new BadValueException(RecordValues.describe(record) + " has a " + (value == null ? "null value"
                    : "value of type " + value.getClass().getName()) + ", so timestamp.field '" + field
                    + "' cannot be read from it");
        }
        return toMillis(record, found);
    }

    private Object fromData(Object value) {
        Object current = value;
        for (String name : path) {
            if (current instanceof Struct struct && struct.schema().field(name) != null) {
                current = struct.get(name);
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(name);
            } else {
                return null;
            }
        }
        return current;
    }

    private Object fromJson(SinkRecord record, byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            int depth = 0;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_OBJECT) {
                    return null;
                }
                String name = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                if (!path[depth].equals(name)) {
                    parser.skipChildren();
                    continue;
                }
                if (depth == path.length - 1) {
                    return switch (valueToken) {
                        case VALUE_NUMBER_INT -> parser.getLongValue();
                        case VALUE_STRING -> parser.getText();
                        default -> null;
                    };
                }
                if (valueToken != JsonToken.START_OBJECT) {
                    return null;
                }
                depth++;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadValueException(RecordValues.describe(record) + " is not valid JSON (" + e.getOriginalMessage()
                    + "), so timestamp.field '" + field + "' cannot be read from it");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // parsing a byte array: no I/O
        }
    }

    private long toMillis(SinkRecord record, Object found) {
        if (found instanceof Number n) {
            return n.longValue();
        }
        if (found instanceof Date d) {
            return d.getTime();
        }
        if (found instanceof String s) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(s).toEpochMilli();
                } catch (DateTimeParseException e2) {
                    throw new BadValueException(RecordValues.describe(record) + " has timestamp.field '" + field
                            + "' = '" + s + "': expected epoch milliseconds or an ISO-8601 instant such as "
                            + "2020-01-01T00:00:00.125Z");
                }
            }
        }
        throw new BadValueException(RecordValues.describe(record) + " has no timestamp.field '" + field
                + "' (or it is neither a number nor a string)");
    }

    @Override
    public String toString() {
        return "RecordField(" + field + ")";
    }
}
