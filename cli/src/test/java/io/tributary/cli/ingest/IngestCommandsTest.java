package io.tributary.cli.ingest;

import io.tributary.cli.TributaryCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCommandsTest {
    @TempDir
    Path temp;

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = TributaryCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void produceShipAndIngestHaveHelp() {
        for (String command : new String[] {"produce", "ship", "ingest"}) {
            var out = new StringWriter();
            assertThat(run(out, new StringWriter(), command, "--help")).as(command).isZero();
            assertThat(out.toString()).as(command).contains("Usage: tributary " + command);
        }
    }

    @Test
    void shipNamesAPathThatDoesNotExist() {
        var err = new StringWriter();
        Path missing = temp.resolve("raw_logs");
        assertThat(run(new StringWriter(), err, "ship", missing.toString(), "--bootstrap", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or directory: " + missing);
    }

    @Test
    void produceRefusesAnUnreadableStartAndAnUnknownKind() {
        var err = new StringWriter();
        assertThat(run(new StringWriter(), err, "produce", "web", "--start", "yesterday", "--bootstrap",
                "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("--start must be 'now' or an ISO-8601 instant");
        var err2 = new StringWriter();
        assertThat(run(new StringWriter(), err2, "produce", "trucks")).isEqualTo(2);
        assertThat(err2.toString()).contains("trucks");
    }
}
