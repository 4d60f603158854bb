package io.tributary.connect.s3;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Validators of {@link S3SinkConfig}; each {@code toString()} says what is allowed (shown in docs and errors). */
final class ConfigValidators {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private ConfigValidators() {
    }

    static ConfigDef.Validator bucketName() {
        return described("an S3 bucket name: 3-63 characters of a-z, 0-9, '.', '-', starting and ending with a "
                + "letter or digit", v -> v instanceof String s && BUCKET.matcher(s).matches());
    }

    static ConfigDef.Validator topicsDir() {
        return described("a non-empty S3 key prefix without leading or trailing '/', e.g. landing",
                v -> v instanceof String s && !s.isBlank() && !s.startsWith("/") && !s.endsWith("/"));
    }

    static ConfigDef.Validator emptyOrHttpUrl() {
        return described("empty (AWS) or an http(s) URL such as http://127.0.0.1:9000", v -> {
            if (!(v instanceof String s)) {
                return false;
            }
            if (s.isEmpty()) {
                return true;
            }
            try {
                URI uri = URI.create(s);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    static ConfigDef.Validator zoneId() {
        return described("a time zone id such as UTC or Europe/Berlin", v -> {
            try {
                return v instanceof String s && ZoneId.of(s) != null;
            } catch (DateTimeException e) {
                return false;
            }
        });
    }

    static ConfigDef.Validator pathFormat() {
        return described("a Joda-Time pattern such as 'dt'=YYYY-MM-dd or 'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH, "
                + "with no leading or trailing '/'", v -> {
            if (!(v instanceof String s) || s.isBlank() || s.startsWith("/") || s.endsWith("/")) {
                return false;
            }
            try {
                new io.tributary.connect.s3.partition.TimeBasedPartitioner(s, 1, java.time.ZoneOffset.UTC,
                        java.util.Locale.US).encodedPartition(0);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    static ConfigDef.Validator locale() {
        return described("a locale such as en-US or de_DE", v -> v instanceof String s && !s.isBlank()
                && !toLocale(s).getLanguage().isEmpty());
    }

    static java.util.Locale toLocale(String s) {
        return java.util.Locale.forLanguageTag(s.replace('_', '-'));
    }

    static ConfigDef.Validator disabledOrPositive() {
        return described("-1 (disabled) or a positive number of milliseconds",
                v -> v instanceof Long l && (l == -1L || l > 0L));
    }

    private static ConfigDef.Validator described(String allowed, Predicate<Object> valid) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (!valid.test(value)) {
                    throw new ConfigException(name, value, "must be " + allowed);
                }
            }

            @Override
            public String toString() {
                return allowed;
            }
        };
    }
}
