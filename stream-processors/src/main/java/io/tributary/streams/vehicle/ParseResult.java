package io.tributary.streams.vehicle;

import io.tributary.events.VehicleEvent;

/** What became of one raw record: a canonical event, a recognised header line, or a reason to reject it. */
public sealed interface ParseResult {

    record Parsed(VehicleEvent event) implements ParseResult {
    }

    /** The CSV header line {@code Vehicle_id,timestamp,function,event}: skipped and counted, not an error. */
    record HeaderLine() implements ParseResult {
    }

    /**
     * @param code   the rule that failed ({@link io.tributary.streams.common.RejectCodes})
     * @param reason a sentence a person can act on, naming the record's location (it goes to the DLQ headers)
     */
    record Rejected(String code, String reason) implements ParseResult {
    }
}
