package io.tributary.stack;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators whose toString says what is allowed, so docs and error messages agree. */
final class Validators {

    static final ConfigDef.Validator PORT = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            int port = (Integer) value;
            if (port < 0 || port > 65535) {
                throw new ConfigException(name, value, "allowed: " + this);
            }
        }

        @Override
        public String toString() {
            return "0 (a free port) or a TCP port 1..65535";
        }
    };

    static final ConfigDef.Validator HEAP_SIZE = pattern("[1-9][0-9]*[kKmMgG]", "a size like 256m or 2g");

    /** The S3 naming rules that matter locally: 3-63 chars, lower case, digits, dots, hyphens. */
    static final ConfigDef.Validator BUCKET_NAME =
        pattern("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", "an S3 bucket name: 3-63 of a-z 0-9 . -, starting and ending"
            + " with a letter or digit");

    private Validators() {
    }

    private static ConfigDef.Validator pattern(String regex, String description) {
        Pattern compiled = Pattern.compile(regex);
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null || !compiled.matcher(value.toString()).matches()) {
                    throw new ConfigException(name, value, "allowed: " + description);
                }
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
