package io.tributary.cli.ingest;

import io.tributary.cli.TributaryCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead address must fail the command with the address and what to do, never leave it hanging. */
class UnreachableKafkaTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against the hang this test is about, not a speed check
    void publishingCommandsFailNamingTheDeadAddressInsteadOfHanging() throws Exception {
        Path folder = dir.resolve("raw_logs/20200101");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("a.csv"), "V1,1577836800.1,f,start\n");
        for (String[] args : new String[][] {
                {"produce", "vehicles", "--count", "10", "--bootstrap", "127.0.0.1:1"},
                {"ship", folder.getParent().toString(), "--bootstrap", "127.0.0.1:1", "--data-dir",
                        dir.resolve("ship").toString()}}) {
            var err = new StringWriter();
            CommandLine cli = TributaryCommand.commandLine();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));

            assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).contains("cannot reach Kafka at 127.0.0.1:1")
                    .contains("is the local stack running? start it with ./tributary run");
        }
    }
}
