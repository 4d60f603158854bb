package io.tributary.connect.s3.partition;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Confluent's {@code path.format} is a Joda-Time pattern; this turns it into a {@link DateTimeFormatter} with the
 * same meaning. The letters that differ: Joda {@code Y} is year-of-era (java.time {@code y}; java.time's
 * {@code Y} is the week-based year, which would put 2020-12-31 under 2021), Joda {@code y} is the proleptic year
 * ({@code u}) and Joda {@code x} is the week-based year ({@code Y}). Quoted text is copied as is.
 */
final class JodaPattern {
    private JodaPattern() {
    }

    static DateTimeFormatter formatter(String jodaPattern, Locale locale) {
        return DateTimeFormatter.ofPattern(toJavaTime(jodaPattern), locale);
    }

    static String toJavaTime(String joda) {
        StringBuilder out = new StringBuilder(joda.length());
        boolean quoted = false;
        for (int i = 0; i < joda.length(); i++) {
            char c = joda.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                out.append(c);
            } else if (quoted) {
                out.append(c);
            } else {
                out.append(switch (c) {
                    case 'Y' -> 'y';
                    case 'y' -> 'u';
                    case 'x' -> 'Y';
                    default -> c;
                });
            }
        }
        return out.toString();
    }

    /** Letters outside quotes, for checks such as "day-of-year together with month". */
    static String unquotedLetters(String joda) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (char c : joda.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && Character.isLetter(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
