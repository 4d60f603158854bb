package io.tributary.streams.vehicle;

import io.tributary.streams.common.RejectCodes;

import java.util.Locale;

/** Reads the seed CSV form {@code vehicle_id,timestamp,function,event}. */
final class CsvVehicleLines {
    static final String FORM = "vehicle_id,timestamp,function,event";
    private static final String[] HEADER = FORM.split(",");

    private CsvVehicleLines() {
    }

    /** The comma-separated fields of a line, empty ones included. */
    static String[] fields(String line) {
        return line.split(",", -1);
    }

    /** {@code Vehicle_id,timestamp,function,event} in any case, with or without spaces around the commas. */
    static boolean isHeader(String[] fields) {
        if (fields.length != HEADER.length) {
            return false;
        }
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].strip().toLowerCase(Locale.ROOT).equals(HEADER[i])) {
                return false;
            }
        }
        return true;
    }

    static LineRead read(String[] fields, String line, RecordOrigin origin) {
        if (fields.length != HEADER.length) {
            return LineRead.failed(VehicleLineParser.reject(RejectCodes.WRONG_FIELD_COUNT,
                    "Expected 4 comma-separated fields %s but found %d in %s: '%s'",
                    FORM, fields.length, origin.location(), VehicleLineParser.quote(line)));
        }
        return LineRead.of(new RawVehicleLine(fields[0], fields[1], fields[2], fields[3], null, null));
    }
}
