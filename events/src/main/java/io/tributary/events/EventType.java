package io.tributary.events;

import java.util.Locale;
import java.util.Optional;

/** Whether a vehicle log line opens or closes a function call. */
public enum EventType {
    START, END;

    /** Parses {@code start}/{@code end} in any case; empty for anything else. */
    public static Optional<EventType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "START" -> Optional.of(START);
            case "END" -> Optional.of(END);
            default -> Optional.empty();
        };
    }
}
