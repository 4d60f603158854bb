package io.tributary.cli.bench;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads byte sizes the way people write them: {@code 1GB}, {@code 500MB}, {@code 64KB}, {@code 1024} (bytes).
 * KB/MB/GB are decimal (10^3, 10^6, 10^9) so they agree with the MB/s figures the bench reports; KiB/MiB/GiB are
 * binary.
 */
public final class SizeParser implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|kib|mib|gib)?");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** Bytes in {@code value}; throws a picocli conversion error (exit code 2) when it is not a size. */
    public static long parse(String value) {
        Matcher m = SIZE.matcher(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a size: use a number with B, KB, MB, GB (decimal) or KiB, MiB, GiB, e.g. 1GB or 500MB");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        double factor = switch (unit) {
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            default -> 1;
        };
        long bytes = Math.round(n * factor);
        if (bytes <= 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be a positive size");
        }
        return bytes;
    }

    /** Reads a byte rate: {@code 2MB/s} (or {@code 2MB}, per second implied); the units are those of {@link SizeParser}. */
    public static final class PerSecond implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value == null ? "" : value.trim();
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.endsWith("/s")) {
                v = v.substring(0, v.length() - 2);
            }
            try {
                return parse(v);
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a rate: use a size per second,"
                        + " e.g. 2MB/s or 500KB/s (KB/MB/GB decimal, KiB/MiB/GiB binary)");
            }
        }
    }
}
