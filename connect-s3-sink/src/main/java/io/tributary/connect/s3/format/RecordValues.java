package io.tributary.connect.s3.format;

import org.apache.kafka.connect.sink.SinkRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Turns a record value into the bytes of one line, or explains why it cannot be one. */
public final class RecordValues {
    private RecordValues() {
    }

    /** The line for {@code record}, or a {@link BadValueException} saying what is wrong and what was expected. */
    public static byte[] lineOf(SinkRecord record) {
        Object value = record.value();
        byte[] line;
        if (value instanceof byte[] b) {
            line = b;
        } else if (value instanceof String s) {
            line = s.getBytes(StandardCharsets.UTF_8);
        } else if (value instanceof ByteBuffer buffer) {
            line = new byte[buffer.remaining()];
            buffer.duplicate().get(line);
        } else if (value == null) {
            throw new BadValueException(describe(record) + " has a null value (tombstone); this sink writes one "
                    + "JSON document per line and cannot write null");
        } else {
            throw new BadValueException(describe(record) + " has a value of type " + value.getClass().getName()
                    + "; expected byte[] or String: set value.converter="
                    + "org.apache.kafka.connect.converters.ByteArrayConverter (or StringConverter)");
        }
        // a raw newline inside a value would split it into two lines and corrupt the JSON lines file
        for (byte b : line) {
            if (b == '\n') {
                throw new BadValueException(describe(record) + " contains a line break; JSON lines need one "
                        + "document per line (encode newlines inside strings as \\n)");
            }
        }
        return line;
    }

    /** The record's Kafka timestamp, which decides its dt= date. */
    public static long timestampOf(SinkRecord record) {
        Long timestamp = record.timestamp();
        if (timestamp == null || timestamp < 0) {
            throw new BadValueException(describe(record) + " has no Kafka timestamp (" + record.timestampType()
                    + "), so its dt= date is unknown");
        }
        return timestamp;
    }

    public static String describe(SinkRecord record) {
        return "record " + record.originalTopic() + "-" + record.originalKafkaPartition() + "@"
                + record.originalKafkaOffset();
    }

    /** A record whose value this format cannot write. */
    public static final class BadValueException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadValueException(String message) {
            super(message);
        }
    }
}
