package io.tributary.cli;

import io.tributary.stack.StackEndpoints;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "up", "demo", "streams", "batch", "connectors", "connectors apply",
                "migrate", "chaos", "ship", "produce", "ingest", "lag", "status", "backfill", "emr-step", "bench"}) {
            var out = new StringWriter();
            CommandLine cli = TributaryCommand.commandLine();
            cli.setOut(new PrintWriter(out));
            String[] args = (command + " --help").split(" ");
            assertThat(cli.execute(args)).as(command).isZero();
            assertThat(out.toString()).as(command).contains("Usage: tributary " + command);
        }
    }

    @Test
    void demoRejectsAnUnreadableTriggerNamingTheOptionAndTheForms() {
        var err = new StringWriter();
        CommandLine cli = TributaryCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("demo", "--trigger", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--trigger").contains("'soon' is not a duration");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        var converter = new DurationConverter();
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> converter.convert("ten")).isInstanceOf(CommandLine.TypeConversionException.class);
    }

    @Test
    void psqlCommandComesFromTheJdbcUrl() {
        var endpoints = new StackEndpoints("k:1", "http://c", "http://s3", "us-east-1", "b", "a", "s",
                "jdbc:postgresql://127.0.0.1:5433/postgres", "postgres", "pw");
        assertThat(DemoSummary.psqlCommand(endpoints)).isEqualTo("psql -h 127.0.0.1 -p 5433 -U postgres postgres");
    }
}
