package io.tributary.events;

/**
 * Optional headers of a raw record ({@link Topics#VEHICLE_LOGS_RAW}, {@link Topics#WEB_LOGS_RAW}) that producers set
 * so the stream processors can identify a line without relying on its offset: a re-sent or re-shipped line then keeps
 * its event id and is dropped as a duplicate.
 */
public final class RawHeaders {
    /** Who produced the line ({@code fleet-sim}, {@code web-sim}, {@code ship:<file>}); copied to the event's source. */
    public static final String SOURCE = "source";
    /**
     * The producer's position of the line, decimal text: a per-key sequence (simulators) or the line number in the
     * file (shipper). With it, the event id derives from (source, seq) instead of the Kafka offset.
     */
    public static final String SEQ = "seq";

    private RawHeaders() {
    }
}
