package io.tributary.warehouse.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.warehouse.FunctionCallRow;
import io.tributary.warehouse.QuarantineRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PostgresCopyCsvTest {

    @Test
    void functionCallIsOneCsvLineInStagingColumnOrderWithMicrosecondUtcTimes() {
        FunctionCallRow row = new FunctionCallRow("c1", "V42", "lidar_fusion",
                Instant.parse("2020-01-01T00:00:00.000001Z"), Instant.parse("2020-01-01T00:00:01.5Z"),
                new BigDecimal("1.499999"), 2, LocalDate.of(2020, 1, 1));

        assertThat(PostgresCopyCsv.functionCall(row)).isEqualTo(
                "\"c1\",\"V42\",\"lidar_fusion\",2020-01-01 00:00:00.000001,2020-01-01 00:00:01.500000,1.499999,2,"
                        + "2020-01-01\n");
    }

    @Test
    void timesBelowAMicrosecondAreTruncatedToTheColumnResolution() {
        assertThat(PostgresCopyCsv.timestamp(Instant.parse("2020-01-01T00:00:00.123456789Z")))
                .isEqualTo("2020-01-01 00:00:00.123456");
    }

    @Test
    void largeDurationsArePlainDecimalsNotScientificNotation() {
        FunctionCallRow row = new FunctionCallRow("c1", "V", "f", Instant.EPOCH, Instant.EPOCH,
                new BigDecimal("1E+3").setScale(6), 0, null);

        assertThat(PostgresCopyCsv.functionCall(row)).contains(",1000.000000,0,\n");
    }

    @Test
    void quarantineLineHasNullSeqAsAnEmptyUnquotedField() {
        QuarantineRow row = new QuarantineRow("unmatched_end", "e1", "V1", "f", "END",
                Instant.parse("2020-01-01T00:00:00.125Z"), null, "{\"a\":1}");

        assertThat(PostgresCopyCsv.quarantine(row, "b7")).isEqualTo(
                "\"unmatched_end\",\"e1\",\"V1\",\"f\",\"END\",2020-01-01 00:00:00.125000,,\"{\"\"a\"\":1}\",\"b7\"\n");
    }

    @Test
    void quarantineLineWithSeqAndNullsKeepsEveryField() {
        QuarantineRow row = new QuarantineRow("late", null, "V1", null, "START", null, 17L, "");

        assertThat(PostgresCopyCsv.quarantine(row, "b7")).isEqualTo("\"late\",,\"V1\",,\"START\",,17,\"\",\"b7\"\n");
    }

    @Test
    void textWithCommasQuotesAndNewlinesStaysOneField() {
        FunctionCallRow row = new FunctionCallRow(null, "V,1", "say \"hi\"\nnow", null, null, null, 0, null);

        assertThat(PostgresCopyCsv.functionCall(row)).isEqualTo(",\"V,1\",\"say \"\"hi\"\"\nnow\",,,,0,\n");
    }

    @Test
    void timestampsMatchTheFormatterOverCenturiesLeapDaysAndNegativeEpochs() {
        var formatter = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
                .withZone(java.time.ZoneOffset.UTC);
        var random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(1_000_000_000));
            assertThat(PostgresCopyCsv.timestamp(t)).isEqualTo(formatter.format(
                    t.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        }
        assertThat(PostgresCopyCsv.timestamp(Instant.parse("2000-02-29T23:59:59.999999999Z")))
                .isEqualTo("2000-02-29 23:59:59.999999");
    }
}
