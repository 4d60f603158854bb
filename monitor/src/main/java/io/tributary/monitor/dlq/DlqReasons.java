package io.tributary.monitor.dlq;

import java.util.regex.Pattern;

/**
 * DLQ reasons are sentences naming the record ({@code vehicle.logs.raw[2]@1042}) and the offending value; as a
 * metric label they must be a small set, so the specifics are replaced by placeholders.
 */
public final class DlqReasons {
    private static final Pattern LOCATION = Pattern.compile("[\\w.-]+\\[\\d+]@\\d+");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    static final int MAX_LENGTH = 80;

    private DlqReasons() {
    }

    public static String normalize(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown";
        }
        String out = LOCATION.matcher(reason).replaceAll("<record>");
        out = QUOTED.matcher(out).replaceAll("<value>");
        out = NUMBER.matcher(out).replaceAll("N").trim();
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out;
    }
}
