package io.tributary.connect.s3.partition;

/** Pattern letters of a {@code path.format} outside quotes, for the config's cross-field checks. */
public final class JodaLetters {
    private JodaLetters() {
    }

    public static String of(String jodaPattern) {
        return JodaPattern.unquotedLetters(jodaPattern);
    }
}
