package io.tributary.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic 128-bit event ids: same input, same id, always (DESIGN.md, vehicle.events).
 * MD5 is used as a 128-bit fingerprint only (not for security): it is in every JDK, so no extra dependency.
 */
public final class EventIds {
    private static final char SEPARATOR = '\u001f';
    /** One digest per thread: MessageDigest.getInstance looks the provider up each time, which cost more than the hash. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(EventIds::md5);

    private EventIds() {
    }

    /** 32 lowercase hex characters derived from the given parts; nulls are encoded distinctly from "". */
    public static String of(Object... parts) {
        var text = new StringBuilder(64);
        for (Object part : parts) {
            text.append(part == null ? "\u0000" : part.toString()).append(SEPARATOR);
        }
        return HexFormat.of().formatHex(MD5.get().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The id of a vehicle event with no producer id: (vehicle_id, event_time, function_name, event_type, seq or source position). */
    public static String vehicleEventId(String vehicleId, java.time.Instant eventTime, String functionName,
                                        EventType eventType, String seqOrPosition) {
        return of(vehicleId, EventTimes.format(eventTime), functionName, eventType.name(), seqOrPosition);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }
}
