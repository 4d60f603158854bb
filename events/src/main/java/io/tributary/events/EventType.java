package io.tributary.events;

import java.util.Locale;
import java.util.Optional;

/** Whether a vehicle log line opens or closes a function call. */
public enum EventType {
    START, END;

    private static final Optional<EventType> PARSED_START = Optional.of(START);
    private static final Optional<EventType> PARSED_END = Optional.of(END);

    /** Parses {@code start}/{@code end} in any case; empty for anything else. */
    public static Optional<EventType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // the usual spellings without trimming and upper-casing a copy (once per line in the Streams app)
        switch (text) {
            case "start", "START" -> {
                return PARSED_START;
            }
            case "end", "END" -> {
                return PARSED_END;
            }
            default -> {
            }
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "START" -> PARSED_START;
            case "END" -> PARSED_END;
            default -> Optional.empty();
        };
    }
}
