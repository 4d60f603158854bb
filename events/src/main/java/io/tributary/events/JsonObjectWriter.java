package io.tributary.events;

import java.time.Instant;
import java.util.Arrays;

/**
 * Writes one flat JSON object of the canonical events, byte for byte as Jackson's default generator writes it (the
 * form the codecs had when they went through an ObjectNode): {@code \" \\ \b \t \n \f \r} escaped short, other
 * control characters and every UTF-16 surrogate as {@code \}{@code uXXXX} (upper-case hex), everything else as UTF-8.
 * Hand-written because Jackson's tree and generator took ~1 µs per event, most of the Streams thread's budget per line.
 */
final class JsonObjectWriter {
    /** 0 = written as is; > 0 = written as backslash + that character; -1 = written as a unicode escape. */
    private static final int[] ASCII_ESCAPES = new int[128];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        Arrays.fill(ASCII_ESCAPES, 0, 32, -1);
        ASCII_ESCAPES['"'] = '"';
        ASCII_ESCAPES['\\'] = '\\';
        ASCII_ESCAPES['\b'] = 'b';
        ASCII_ESCAPES['\t'] = 't';
        ASCII_ESCAPES['\n'] = 'n';
        ASCII_ESCAPES['\f'] = 'f';
        ASCII_ESCAPES['\r'] = 'r';
    }

    private byte[] buffer;
    private int size;

    JsonObjectWriter(int expectedBytes) {
        buffer = new byte[expectedBytes];
        buffer[size++] = '{';
    }

    /** A string field; null is written as JSON null. */
    JsonObjectWriter string(String name, String value) {
        name(name);
        if (value == null) {
            nullValue();
        } else {
            quoted(value);
        }
        return this;
    }

    /** A time field in the one text form of {@link EventTimes}. */
    JsonObjectWriter time(String name, Instant value) {
        name(name);
        ensure(EventTimes.LENGTH + 2);
        buffer[size++] = '"';
        if (EventTimes.write(value, buffer, size)) {
            size += EventTimes.LENGTH;
            buffer[size++] = '"';
        } else {
            size--;
            quoted(EventTimes.format(value));
        }
        return this;
    }

    /** A number field; null is written as JSON null. */
    JsonObjectWriter number(String name, Long value) {
        name(name);
        if (value == null) {
            nullValue();
        } else {
            ascii(Long.toString(value));
        }
        return this;
    }

    /** The object's bytes, closed. */
    byte[] end() {
        ensure(1);
        buffer[size++] = '}';
        return Arrays.copyOf(buffer, size);
    }

    private void name(String name) {
        ensure(name.length() + 4);
        if (size > 1) {
            buffer[size++] = ',';
        }
        buffer[size++] = '"';
        ascii(name);
        buffer[size++] = '"';
        buffer[size++] = ':';
    }

    private void nullValue() {
        ascii("null");
    }

    /** Field names, numbers and null: ASCII with nothing to escape. */
    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    private void quoted(String text) {
        ensure(text.length() * 6 + 2); // the longest form of one char is a six-byte unicode escape
        byte[] out = buffer;
        int at = size;
        out[at++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                int escape = ASCII_ESCAPES[c];
                if (escape == 0) {
                    out[at++] = (byte) c;
                } else if (escape > 0) {
                    out[at++] = '\\';
                    out[at++] = (byte) escape;
                } else {
                    at = unicodeEscape(out, at, c);
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                at = unicodeEscape(out, at, c);
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out[at++] = '"';
        size = at;
    }

    private static int unicodeEscape(byte[] out, int at, char c) {
        out[at++] = '\\';
        out[at++] = 'u';
        out[at++] = HEX[(c >> 12) & 0xF];
        out[at++] = HEX[(c >> 8) & 0xF];
        out[at++] = HEX[(c >> 4) & 0xF];
        out[at++] = HEX[c & 0xF];
        return at;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
