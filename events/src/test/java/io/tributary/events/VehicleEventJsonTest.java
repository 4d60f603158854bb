package io.tributary.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VehicleEventJsonTest {

    private final VehicleEvent event = new VehicleEvent("0123456789abcdef0123456789abcdef", "V42", "lidar_fusion",
            EventType.START, Instant.parse("2020-01-01T00:00:00.125Z"), 17L, "fleet-sim",
            Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void encodesTheContractFieldsWithMicrosecondTimes() {
        assertThat(new String(VehicleEventJson.encode(event), StandardCharsets.UTF_8)).isEqualTo(
                "{\"event_id\":\"0123456789abcdef0123456789abcdef\",\"vehicle_id\":\"V42\",\"function_name\":\"lidar_fusion\","
                        + "\"event_type\":\"START\",\"event_time\":\"2020-01-01T00:00:00.125000Z\",\"seq\":17,"
                        + "\"source\":\"fleet-sim\",\"ingest_time\":\"2026-11-21T10:00:00.000000Z\"}");
    }

    @Test
    void decodeIsTheInverseOfEncode() {
        assertThat(VehicleEventJson.decode(VehicleEventJson.encode(event))).isEqualTo(event);
    }

    @Test
    void decodeNamesTheMissingField() {
        assertThatThrownBy(() -> VehicleEventJson.decode("{\"event_id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vehicle_id");
    }
}
