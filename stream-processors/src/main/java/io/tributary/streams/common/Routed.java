package io.tributary.streams.common;

/** The bytes of one output record and whether they go to the DLQ (else to the events topic). */
public record Routed(boolean deadLetter, byte[] value) {
}
