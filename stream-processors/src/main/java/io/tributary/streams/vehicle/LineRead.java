package io.tributary.streams.vehicle;

import java.util.function.Function;

/** The fields of a raw line, or why they could not be read; a tiny either type for the two line readers. */
record LineRead(RawVehicleLine line, ParseResult.Rejected rejected) {
    static LineRead of(RawVehicleLine line) {
        return new LineRead(line, null);
    }

    static LineRead failed(ParseResult.Rejected rejected) {
        return new LineRead(null, rejected);
    }

    ParseResult map(Function<RawVehicleLine, ParseResult> validate) {
        return line != null ? validate.apply(line) : rejected;
    }
}
