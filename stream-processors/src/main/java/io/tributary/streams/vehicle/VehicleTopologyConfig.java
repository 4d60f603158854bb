package io.tributary.streams.vehicle;

import io.tributary.events.Topics;
import io.tributary.streams.common.LineRules;
import io.tributary.streams.common.OnMalformed;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the vehicle topology: its topics, what to do with a line that cannot be parsed, and the shared
 * validation rules of {@link LineRules} (record size, event-time range, dedupe window).
 */
public final class VehicleTopologyConfig extends AbstractConfig {
    public static final String RAW_TOPIC = "streams.vehicle.raw.topic";
    public static final String EVENTS_TOPIC = "streams.vehicle.events.topic";
    public static final String DLQ_TOPIC = "streams.dlq.topic";
    public static final String ON_MALFORMED = "streams.vehicle.on.malformed";

    public static final ConfigDef CONFIG_DEF = new ConfigDef(LineRules.CONFIG_DEF)
            .define(RAW_TOPIC, Type.STRING, Topics.VEHICLE_LOGS_RAW, new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Topic of raw vehicle log lines (key vehicle_id, value one CSV or JSON line).")
            .define(EVENTS_TOPIC, Type.STRING, Topics.VEHICLE_EVENTS, new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Topic the canonical vehicle events are written to (key vehicle_id, value canonical JSON).")
            .define(DLQ_TOPIC, Type.STRING, Topics.DLQ, new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Dead-letter topic: the original bytes with error.* and source.* headers.")
            .define(ON_MALFORMED, Type.STRING, "dlq", ConfigDef.CaseInsensitiveValidString.in("dlq", "fail"),
                    Importance.MEDIUM, "What to do with a line that is not a valid vehicle event: dlq = write it "
                            + "to the DLQ with the reason and go on; fail = stop the application.");

    public VehicleTopologyConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props, false);
    }

    public static VehicleTopologyConfig defaults() {
        return new VehicleTopologyConfig(Map.of());
    }

    public String rawTopic() {
        return getString(RAW_TOPIC);
    }

    public String eventsTopic() {
        return getString(EVENTS_TOPIC);
    }

    public String dlqTopic() {
        return getString(DLQ_TOPIC);
    }

    public OnMalformed onMalformed() {
        return OnMalformed.valueOf(getString(ON_MALFORMED).toUpperCase(Locale.ROOT));
    }

    public LineRules rules(Clock clock) {
        return LineRules.from(originals(), clock);
    }
}
