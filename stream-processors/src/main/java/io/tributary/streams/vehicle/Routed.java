package io.tributary.streams.vehicle;

/** The bytes of one output record and whether they go to the DLQ (else to the events topic). */
record Routed(boolean deadLetter, byte[] value) {
}
