package io.tributary.cli.bench;

import picocli.CommandLine;

import java.util.Locale;

/**
 * The workload's mix as shares of raw bytes: {@code vehicle=50,web=50}. Parts left out are 0; the percentages must
 * add up to 100.
 *
 * @param vehicle share of raw bytes from the fleet simulator's lines, 0..1
 * @param web     share of raw bytes from the web simulator's access-log lines, 0..1
 */
public record Mix(double vehicle, double web) {
    static final String ALLOWED = "vehicle=P,web=P with percentages of raw bytes that add up to 100, e.g. "
            + "vehicle=50,web=50 or vehicle=100";

    public static Mix even() {
        return new Mix(0.5, 0.5);
    }

    /** Parses {@code vehicle=P,web=P}; throws a picocli conversion error (exit code 2) saying what is allowed. */
    public static Mix parse(String text) {
        double vehicle = 0;
        double web = 0;
        boolean seenVehicle = false;
        boolean seenWeb = false;
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        for (String part : trimmed.split(",")) {
            String[] kv = part.split("=", -1);
            if (kv.length != 2) {
                throw invalid(text, "'" + part.trim() + "' is not name=percentage");
            }
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            double value;
            try {
                value = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw invalid(text, "'" + kv[1].trim() + "' is not a number");
            }
            if (!(value >= 0 && value <= 100)) {
                throw invalid(text, name + " must be within 0..100");
            }
            switch (name) {
                case "vehicle" -> {
                    if (seenVehicle) {
                        throw invalid(text, "vehicle is given twice");
                    }
                    seenVehicle = true;
                    vehicle = value;
                }
                case "web" -> {
                    if (seenWeb) {
                        throw invalid(text, "web is given twice");
                    }
                    seenWeb = true;
                    web = value;
                }
                default -> throw invalid(text, "'" + kv[0].trim() + "' is not a part (vehicle, web)");
            }
        }
        if (Math.abs(vehicle + web - 100) > 1e-6) {
            throw invalid(text, String.format(Locale.ROOT, "the percentages add up to %s, not 100",
                    trim(vehicle + web)));
        }
        return new Mix(vehicle / 100, web / 100);
    }

    private static CommandLine.TypeConversionException invalid(String text, String why) {
        return new CommandLine.TypeConversionException("'" + text + "' is not a mix (" + why + "): use " + ALLOWED);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        return "vehicle=" + trim(vehicle * 100) + ",web=" + trim(web * 100);
    }

    /** picocli converter for {@code --mix}. */
    public static final class Converter implements CommandLine.ITypeConverter<Mix> {
        @Override
        public Mix convert(String value) {
            return parse(value);
        }
    }
}
