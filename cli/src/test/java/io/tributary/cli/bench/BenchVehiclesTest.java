package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BenchVehiclesTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void defaultFleetLoadsEveryPartitionWithTheSameNumberOfVehicles() {
        assertThat(BenchCommand.vehiclesFor(null, 4, out)).isEqualTo(48);
        assertThat(BenchCommand.vehiclesFor(null, 6, out)).isEqualTo(72);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFleetThatDoesNotDivideIntoThePartitionsIsKeptButNoted() {
        assertThat(BenchCommand.vehiclesFor(50, 4, out)).isEqualTo(50);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("50 vehicles over 4 partitions load them unequally")
                .contains("quarantined late");
    }

    @Test
    void aMultipleOfThePartitionsIsTakenSilently() {
        assertThat(BenchCommand.vehiclesFor(8, 4, out)).isEqualTo(8);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
