package io.tributary.producers.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits and checks a request body before anything is published: the HTTP edge rejects what can never become an event
 * (so the client learns at once), the stream processors still apply every rule. One bad line rejects the request.
 */
final class IngestLines {
    // Only the key fields are read here, by pattern: this module has no JSON library (kafka-clients only), and the
    // stream processors parse and validate every JSON line fully anyway.
    private static final Pattern JSON_STRING_FIELD = Pattern.compile("\"(vehicle_id|site|line)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A line to publish with its key, or why the request is refused. */
    record Line(String key, String value) {
    }

    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(int number, String problem) {
            super("line " + number + ": " + problem);
        }
    }

    private IngestLines() {
    }

    /** Vehicle lines: the seed CSV form or a JSON object with vehicle_id; the key is the vehicle. */
    static List<Line> vehicle(String body) throws BadLine {
        var lines = new ArrayList<Line>();
        int number = 0;
        for (String raw : body.split("\n", -1)) {
            number++;
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank()) {
                continue; // blank lines separate batches in NDJSON; they carry nothing
            }
            checkPrintable(line, number);
            String key;
            if (line.stripLeading().startsWith("{")) {
                key = field(line, "vehicle_id");
                if (key == null || key.isBlank()) {
                    throw new BadLine(number, "a JSON line needs a string vehicle_id");
                }
            } else {
                String[] fields = line.split(",", -1);
                if (fields.length != 4 || fields[0].isBlank()) {
                    throw new BadLine(number, "expected vehicle_id,timestamp,function,event (4 comma-separated "
                            + "fields) or a JSON object, found " + fields.length + " field(s): '" + cut(line) + "'");
                }
                key = fields[0].strip();
            }
            lines.add(new Line(key, line));
        }
        return lines;
    }

    /**
     * Web lines: raw access-log lines of {@code site}, or NDJSON objects {@code {"site":…,"line":…}} (then
     * {@code site} may be null).
     */
    static List<Line> web(String body, String site) throws BadLine {
        var lines = new ArrayList<Line>();
        int number = 0;
        for (String raw : body.split("\n", -1)) {
            number++;
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isBlank()) {
                continue;
            }
            String key = site;
            String value = line;
            if (line.stripLeading().startsWith("{")) {
                key = field(line, "site") != null ? field(line, "site") : site;
                value = field(line, "line");
                if (value == null) {
                    throw new BadLine(number, "a JSON line needs a string field \"line\" (the access-log line)");
                }
                value = value.replace("\\\"", "\"").replace("\\\\", "\\");
            }
            if (key == null || key.isBlank()) {
                throw new BadLine(number, "no site: pass ?site=NAME or a \"site\" field");
            }
            checkPrintable(value, number);
            if (!value.contains("[") || !value.contains("\"")) {
                throw new BadLine(number, "not an access-log line (Combined Log Format): '" + cut(value) + "'");
            }
            lines.add(new Line(key, value));
        }
        return lines;
    }

    private static void checkPrintable(String line, int number) throws BadLine {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                throw new BadLine(number, String.format("control character U+%04X at position %d", (int) c, i + 1));
            }
        }
    }

    private static String field(String json, String name) {
        Matcher m = JSON_STRING_FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    private static String cut(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
