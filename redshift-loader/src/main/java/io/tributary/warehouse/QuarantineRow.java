package io.tributary.warehouse;

import java.time.Instant;

/**
 * One event that could not become a call ({@code unmatched_end}, {@code unmatched_start}, {@code late}, …), kept in
 * {@code tributary_meta.quarantine} so that nothing is dropped silently.
 *
 * @param seq       per-vehicle sequence, null when the producer sent none
 * @param eventJson the canonical event JSON, for replay and inspection
 */
public record QuarantineRow(String reason, String eventId, String vehicleId, String functionName, String eventType,
                            Instant eventTime, Long seq, String eventJson) {
}
