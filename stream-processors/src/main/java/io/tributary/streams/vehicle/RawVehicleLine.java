package io.tributary.streams.vehicle;

/**
 * The fields of a raw line before validation, whichever form it came in. {@code timestamp} is the text form
 * (a JSON number is given as its plain decimal text).
 */
record RawVehicleLine(String vehicleId, String timestamp, String function, String event, Long seq, String eventId) {
}
