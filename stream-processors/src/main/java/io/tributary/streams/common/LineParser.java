package io.tributary.streams.common;

/** Turns one raw record into an {@link Outcome}; never throws on bad input. */
@FunctionalInterface
public interface LineParser {
    Outcome parse(byte[] value, RawRecord record);
}
