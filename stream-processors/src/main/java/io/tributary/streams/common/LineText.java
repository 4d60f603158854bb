package io.tributary.streams.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** Checks every raw line kind shares: strict UTF-8, control characters, field lengths, quoting in reasons. */
public final class LineText {
    private static final int MAX_QUOTED = 80;

    private LineText() {
    }

    /** Strict decoding: a malformed byte sequence is an error, never a replacement character. */
    public static Optional<String> utf8(byte[] value) {
        if (isAscii(value)) {
            // ASCII is valid UTF-8 as it is; the JDK copies it without a decoder
            return Optional.of(new String(value, StandardCharsets.US_ASCII));
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] value) {
        for (byte b : value) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first control character (tab allowed when {@code allowTab}), or -1. */
    public static int firstControl(String text, boolean allowTab) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(allowTab && c == '\t')) {
                return i;
            }
        }
        return -1;
    }

    /** {@code U+000D}: how a reason names an invisible character. */
    public static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    /**
     * Rejection for a name field (vehicle_id, function, site) that is too long or holds a control character, or
     * null when it is fine.
     */
    public static Outcome.Rejected checkName(String field, String value, int maxLength, Supplier<String> locationOf) {
        if (value.length() <= maxLength && firstControl(value, false) < 0) {
            return null;
        }
        String location = locationOf.get();
        if (value.length() > maxLength) {
            return reject(RejectCodes.FIELD_TOO_LONG, "%s in %s is %d characters long: at most %d are allowed ('%s')",
                    field, location, value.length(), maxLength, quote(value));
        }
        int control = firstControl(value, false);
        if (control >= 0) {
            return reject(RejectCodes.CONTROL_CHARACTER,
                    "%s in %s contains control character %s at position %d: names must be printable text",
                    field, location, codePoint(value.charAt(control)), control + 1);
        }
        return null;
    }

    public static Outcome.Rejected reject(String code, String format, Object... args) {
        return new Outcome.Rejected(code, String.format(Locale.ROOT, format, args));
    }

    /** Long values are cut in reasons: the DLQ record carries the whole original anyway. */
    public static String quote(String value) {
        return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
    }
}
