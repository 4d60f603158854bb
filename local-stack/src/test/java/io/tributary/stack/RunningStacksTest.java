package io.tributary.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningStacksTest {

    private static final StackEndpoints ENDPOINTS = new StackEndpoints("127.0.0.1:39092", "http://127.0.0.1:38083",
        "http://127.0.0.1:39000", "us-east-1", "tributary", "AK", "SK", "jdbc:postgresql://127.0.0.1:35432/postgres",
        "postgres", "pw");

    @TempDir
    Path base;

    private final List<String> notes = new ArrayList<>();

    @Test
    void stackOfThisProcessIsFoundInTheRegistryWhateverItsDataDir() {
        Path dataDir = base.resolve("elsewhere/my-stack");
        RunningStacks.publish(dataDir, ENDPOINTS, base);

        var found = RunningStacks.find(null, base, notes::add);

        assertThat(found).hasValueSatisfying(stack -> {
            assertThat(stack.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
            assertThat(stack.endpoints()).isEqualTo(ENDPOINTS);
            assertThat(stack.ownerPid()).isEqualTo(ProcessHandle.current().pid());
        });
        assertThat(notes).isEmpty();
    }

    @Test
    void fileLeftByAStackWhoseProcessIsGoneIsIgnoredWithANote() throws Exception {
        Path dataDir = base.resolve(".tributary/demo");
        writeEndpoints(dataDir, Map.of(RunningStacks.OWNER_PID, Long.toString(deadPid())));

        var found = RunningStacks.find(null, base, notes::add);

        assertThat(found).isEmpty();
        assertThat(notes).singleElement().asString().contains("ignoring " + dataDir.resolve("endpoints.properties"))
            .contains("is not running").contains("./tributary run");
    }

    @Test
    void pidReusedByAnotherProgramDoesNotMakeAStaleFileLive() throws Exception {
        Path dataDir = base.resolve(".tributary/run");
        writeEndpoints(dataDir, Map.of(RunningStacks.OWNER_PID, Long.toString(ProcessHandle.current().pid()),
            RunningStacks.OWNER_START, "1000"));

        assertThat(RunningStacks.find(null, base, notes::add)).isEmpty();
        assertThat(notes).singleElement().asString().contains("is not running");
    }

    @Test
    void withdrawnStackIsNotFoundAgain() {
        Path dataDir = base.resolve(".tributary/run");
        RunningStacks.publish(dataDir, ENDPOINTS, base);
        RunningStacks.withdraw(dataDir, base);

        assertThat(RunningStacks.find(null, base, notes::add)).isEmpty();
        assertThat(dataDir.resolve(RunningStacks.ENDPOINTS_FILE)).doesNotExist();
        assertThat(notes).isEmpty();
    }

    @Test
    void explicitDirWithoutAStackSaysSo() {
        assertThat(RunningStacks.find(base.resolve("nothing-here"), base, notes::add)).isEmpty();
        assertThat(notes).singleElement().asString().contains("no local stack runs in");
    }

    private static void writeEndpoints(Path dataDir, Map<String, String> owner) throws Exception {
        Files.createDirectories(dataDir);
        Map<String, String> props = new LinkedHashMap<>(ENDPOINTS.asProperties());
        props.putAll(owner);
        PropertiesFiles.writeSecret(dataDir.resolve(RunningStacks.ENDPOINTS_FILE), props, "test");
    }

    /** A pid no process has: a process that ran and exited. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
