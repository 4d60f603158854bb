package io.tributary.cli.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizeParserTest {

    @Test
    void decimalUnitsMatchTheMegabytesOfTheReportedRates() {
        assertThat(SizeParser.parse("1GB")).isEqualTo(1_000_000_000L);
        assertThat(SizeParser.parse("500MB")).isEqualTo(500_000_000L);
        assertThat(SizeParser.parse("64kb")).isEqualTo(64_000L);
        assertThat(SizeParser.parse("1.5GB")).isEqualTo(1_500_000_000L);
        assertThat(SizeParser.parse(" 2 gb ")).isEqualTo(2_000_000_000L);
    }

    @Test
    void binaryUnitsAndPlainBytes() {
        assertThat(SizeParser.parse("1GiB")).isEqualTo(1L << 30);
        assertThat(SizeParser.parse("3MiB")).isEqualTo(3L << 20);
        assertThat(SizeParser.parse("1024")).isEqualTo(1024L);
        assertThat(SizeParser.parse("10B")).isEqualTo(10L);
    }

    @Test
    void somethingThatIsNotAPositiveSizeIsRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> SizeParser.parse("1TBX")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("1GB or 500MB");
        assertThatThrownBy(() -> SizeParser.parse("GB")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> SizeParser.parse("-5MB")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> SizeParser.parse("0")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void ratesAreSizesPerSecond() {
        var perSecond = new SizeParser.PerSecond();
        assertThat(perSecond.convert("2MB/s")).isEqualTo(2_000_000L);
        assertThat(perSecond.convert("500kb/S")).isEqualTo(500_000L);
        assertThat(perSecond.convert("1MiB")).isEqualTo(1L << 20);
        assertThatThrownBy(() -> perSecond.convert("fast")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("not a rate").hasMessageContaining("2MB/s");
    }
}
