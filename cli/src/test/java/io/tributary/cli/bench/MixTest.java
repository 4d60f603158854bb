package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MixTest {

    @Test
    void percentagesBecomeSharesOfRawBytes() {
        assertThat(Mix.parse("vehicle=50,web=50")).isEqualTo(new Mix(0.5, 0.5));
        assertThat(Mix.parse(" web = 25 , vehicle = 75 ")).isEqualTo(new Mix(0.75, 0.25));
        assertThat(Mix.parse("VEHICLE=100")).isEqualTo(new Mix(1.0, 0.0));
        Mix decimal = Mix.parse("vehicle=33.5,web=66.5");
        assertThat(decimal.vehicle()).isCloseTo(0.335, within(1e-12));
        assertThat(decimal.toString()).isEqualTo("vehicle=33.5,web=66.5");
        assertThat(Mix.even().toString()).isEqualTo("vehicle=50,web=50");
    }

    @Test
    void everyMistakeSaysWhatIsWrongAndWhatIsAllowed() {
        assertRejected("vehicle=60,web=30", "add up to 90, not 100");
        assertRejected("vehicle=50,logs=50", "'logs' is not a part (vehicle, web)");
        assertRejected("vehicle=half,web=50", "'half' is not a number");
        assertRejected("vehicle=-10,web=110", "vehicle must be within 0..100");
        assertRejected("vehicle=50,vehicle=50", "vehicle is given twice");
        assertRejected("vehicle", "'vehicle' is not name=percentage");
        assertRejected("", "it is empty");
    }

    private static void assertRejected(String text, String why) {
        assertThatThrownBy(() -> Mix.parse(text))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining(why)
                .hasMessageContaining("vehicle=P,web=P");
    }
}
