package io.tributary.streams.web;

import io.tributary.events.Topics;
import io.tributary.streams.common.LineRules;
import io.tributary.streams.common.OnMalformed;
import io.tributary.streams.vehicle.VehicleTopologyConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the web topology. The DLQ topic ({@code streams.dlq.topic}) and the validation rules of
 * {@link LineRules} are shared with the vehicle topology.
 */
public final class WebTopologyConfig extends AbstractConfig {
    public static final String ENABLED = "streams.web.enabled";
    public static final String RAW_TOPIC = "streams.web.raw.topic";
    public static final String EVENTS_TOPIC = "streams.web.events.topic";
    public static final String ON_MALFORMED = "streams.web.on.malformed";

    /** The keys only the web topology declares (the app's config adds them to the vehicle topology's). */
    public static final ConfigDef OWN_CONFIG_DEF = new ConfigDef()
            .define(ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Whether the application also runs the web topology (web.logs.raw → web.requests).")
            .define(RAW_TOPIC, Type.STRING, Topics.WEB_LOGS_RAW, new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Topic of raw access-log lines (key site, value one Combined Log Format line).")
            .define(EVENTS_TOPIC, Type.STRING, Topics.WEB_REQUESTS, new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Topic the canonical web requests are written to (key site, value canonical JSON).")
            .define(ON_MALFORMED, Type.STRING, "dlq", ConfigDef.CaseInsensitiveValidString.in("dlq", "fail"),
                    Importance.MEDIUM, "What to do with a line that is not a valid access-log line: dlq = write it "
                            + "to the DLQ with the reason and go on; fail = stop the application.");

    public static final ConfigDef CONFIG_DEF = withOwnKeys(new ConfigDef(LineRules.CONFIG_DEF)
            .define(VehicleTopologyConfig.DLQ_TOPIC, Type.STRING, Topics.DLQ, new ConfigDef.NonEmptyString(),
                    Importance.LOW, "Dead-letter topic: the original bytes with error.* and source.* headers."));

    /** {@code base} plus the web topology's own keys. */
    public static ConfigDef withOwnKeys(ConfigDef base) {
        OWN_CONFIG_DEF.configKeys().values().forEach(base::define);
        return base;
    }

    public WebTopologyConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props, false);
    }

    public static WebTopologyConfig defaults() {
        return new WebTopologyConfig(Map.of());
    }

    public boolean enabled() {
        return getBoolean(ENABLED);
    }

    public String rawTopic() {
        return getString(RAW_TOPIC);
    }

    public String eventsTopic() {
        return getString(EVENTS_TOPIC);
    }

    public String dlqTopic() {
        return getString(VehicleTopologyConfig.DLQ_TOPIC);
    }

    public OnMalformed onMalformed() {
        return OnMalformed.valueOf(getString(ON_MALFORMED).toUpperCase(Locale.ROOT));
    }

    public LineRules rules(Clock clock) {
        return LineRules.from(originals(), clock);
    }
}
