package io.tributary.batch.job;

import io.tributary.batch.pairing.PairingEvent;
import io.tributary.batch.pairing.PairingState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairingStateCodecTest {
    private static final Instant T = Instant.parse("2020-01-01T00:00:00.123456Z");

    @Test
    void stateSurvivesTheRoundTripWithEveryOptionalFieldPresentOrAbsent() {
        var open = new PairingEvent("s-1", "V42", "lidar_fusion", "START", T, 17L, "fleet-sim",
                "2026-11-21T10:00:00.000000Z", null);
        var pending = List.of(
                new PairingEvent("s-2", "V42", "lidar_fusion", "START", T.plusNanos(1_000), null, null, null, null),
                new PairingEvent("é-3 ünïcode", "V42", "lidar_fusion", "END", T.plusSeconds(3_600), Long.MIN_VALUE,
                        "ship:raw_logs/20200101/a.csv", null, null));
        var state = new PairingState(List.of(open), pending,
                List.of(new PairingState.EmittedCall("s-2", "é-3 ünïcode", 1)));

        byte[] bytes = PairingStateCodec.encode("V42", "lidar_fusion", state);

        assertThat(PairingStateCodec.decode(bytes)).isEqualTo(state);
    }

    @Test
    void emptyStateRoundTrips() {
        assertThat(PairingStateCodec.decode(PairingStateCodec.encode("V1", "f", PairingState.EMPTY)))
                .isEqualTo(PairingState.EMPTY);
    }

    @Test
    void stateOfAnotherVersionIsRefusedWithWhatToDo() {
        byte[] bytes = PairingStateCodec.encode("V1", "f", PairingState.EMPTY);
        bytes[0] = 99;

        assertThatThrownBy(() -> PairingStateCodec.decode(bytes))
                .hasMessageContaining("version 99").hasMessageContaining("new checkpoint");
    }

    @Test
    void truncatedStateIsReportedAsCorrupt() {
        var open = new PairingEvent("s-1", "V1", "f", "START", T, null, null, null, null);
        byte[] bytes = PairingStateCodec.encode("V1", "f", new PairingState(List.of(open), List.of(), List.of()));

        assertThatThrownBy(() -> PairingStateCodec.decode(java.util.Arrays.copyOf(bytes, bytes.length - 3)))
                .hasMessageContaining("ends early");
    }
}
