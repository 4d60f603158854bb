package io.tributary.warehouse;

import io.tributary.warehouse.dialect.JdbcUrls;
import io.tributary.warehouse.dialect.SqlDialect;
import io.tributary.warehouse.dialect.SqlDialects;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The {@code warehouse.*} keys. Build with {@link #of(Map)}; {@link #toString()} never shows the password. */
public final class WarehouseConfig extends AbstractConfig {
    public static final String JDBC_URL = "warehouse.jdbc.url";
    public static final String USER = "warehouse.user";
    public static final String PASSWORD = "warehouse.password";
    public static final String REDSHIFT_IAM_ROLE = "warehouse.redshift.iam.role";
    public static final String SCHEMA = "warehouse.schema";
    public static final String ANALYST_ROLE = "warehouse.analyst.role";
    public static final String ANALYZE_EVERY_BATCHES = "warehouse.analyze.every.batches";
    public static final String VACUUM_EVERY_BATCHES = "warehouse.vacuum.every.batches";
    public static final String DQ_MAX_FUTURE_SECONDS = "warehouse.dq.max.future.seconds";

    /** Identifiers are concatenated into SQL, so only plain lower-case names are accepted (and "_meta" must fit). */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,49}");
    private static final Pattern IAM_ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]+");

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(JDBC_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new JdbcUrlValidator(), Importance.HIGH,
                    "JDBC URL of the warehouse; the prefix picks the dialect and driver: " + SqlDialects.ALLOWED_PREFIXES)
            .define(USER, Type.STRING, "postgres", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Warehouse user.")
            .define(PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                    "Warehouse password (callers apply env TRIBUTARY_WAREHOUSE_PASSWORD); never logged.")
            .define(REDSHIFT_IAM_ROLE, Type.STRING, "", new Matches(IAM_ROLE_ARN, true), Importance.MEDIUM,
                    "IAM role ARN Redshift assumes for COPY from S3; required with a jdbc:redshift: URL.")
            .define(SCHEMA, Type.STRING, "tributary", new Matches(IDENTIFIER, false), Importance.MEDIUM,
                    "Schema of the analysis tables; ledger, quarantine and migrations live in <schema>_meta.")
            .define(ANALYST_ROLE, Type.STRING, "tributary_analyst", new Matches(IDENTIFIER, true), Importance.LOW,
                    "Read-only role created and granted SELECT on both schemas at migration; empty = not managed.")
            .define(ANALYZE_EVERY_BATCHES, Type.INT, 10, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "ANALYZE a table after its first loaded batch and every N-th after that; 0 = never.")
            .define(VACUUM_EVERY_BATCHES, Type.INT, 100, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Redshift only: VACUUM FULL … TO 95 PERCENT a table after every N-th loaded batch; 0 = never.")
            .define(DQ_MAX_FUTURE_SECONDS, Type.LONG, 3600L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "The freshness gate fails a batch whose newest event is further ahead of the warehouse clock.");

    private WarehouseConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props, false);
    }

    /**
     * Validates and builds the config.
     *
     * @throws IllegalArgumentException naming the offending key(s) when a value is missing or invalid
     */
    public static WarehouseConfig of(Map<String, ?> props) {
        WarehouseConfig config;
        try {
            config = new WarehouseConfig(props);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (config.isRedshift() && config.redshiftIamRole().isEmpty()) {
            throw new IllegalArgumentException(REDSHIFT_IAM_ROLE + " is required when " + JDBC_URL
                    + " is a Redshift URL (jdbc:redshift:): COPY from S3 runs with IAM_ROLE");
        }
        return config;
    }

    public String jdbcUrl() {
        return getString(JDBC_URL);
    }

    public String user() {
        return getString(USER);
    }

    /** Kafka's {@link Password} prints as {@code [hidden]}; call {@code value()} only to hand it to the driver. */
    public Password password() {
        return getPassword(PASSWORD);
    }

    public Optional<String> redshiftIamRole() {
        String role = getString(REDSHIFT_IAM_ROLE);
        return role.isEmpty() ? Optional.empty() : Optional.of(role);
    }

    public String schema() {
        return getString(SCHEMA);
    }

    /** Schema of the ledger, quarantine and migration history: {@code <schema>_meta}, i.e. tributary_meta. */
    public String metaSchema() {
        return schema() + "_meta";
    }

    /** The analyst role to manage, empty when not managed. */
    public Optional<String> analystRole() {
        String role = getString(ANALYST_ROLE);
        return role.isEmpty() ? Optional.empty() : Optional.of(role);
    }

    public io.tributary.warehouse.load.LoadPolicy loadPolicy() {
        return new io.tributary.warehouse.load.LoadPolicy(getLong(DQ_MAX_FUTURE_SECONDS),
                getInt(ANALYZE_EVERY_BATCHES), getInt(VACUUM_EVERY_BATCHES));
    }

    public SqlDialect dialect() {
        return SqlDialects.forJdbcUrl(jdbcUrl(), redshiftIamRole());
    }

    private boolean isRedshift() {
        return jdbcUrl().startsWith(SqlDialects.REDSHIFT_PREFIX);
    }

    @Override
    public String toString() {
        return "WarehouseConfig{" + JDBC_URL + "=" + JdbcUrls.masked(jdbcUrl()) + ", " + USER + "=" + user() + ", "
                + PASSWORD + "=" + password() + ", " + REDSHIFT_IAM_ROLE + "=" + redshiftIamRole().orElse("") + ", "
                + SCHEMA + "=" + schema() + "}";
    }

    private static final class JdbcUrlValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String url = (String) value;
            if (url == null || !SqlDialects.isSupported(url)) {
                throw new ConfigException(name, url == null ? null : JdbcUrls.masked(url),
                        "must start with one of " + SqlDialects.ALLOWED_PREFIXES);
            }
        }

        @Override
        public String toString() {
            return "a JDBC URL starting with one of " + SqlDialects.ALLOWED_PREFIXES;
        }
    }

    private record Matches(Pattern pattern, boolean emptyAllowed) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = (String) value;
            boolean empty = text == null || text.isEmpty();
            if (empty ? !emptyAllowed : !pattern.matcher(text).matches()) {
                throw new ConfigException(name, text, "must be " + this);
            }
        }

        @Override
        public String toString() {
            return (emptyAllowed ? "empty or " : "") + "matching " + pattern.pattern();
        }
    }
}
