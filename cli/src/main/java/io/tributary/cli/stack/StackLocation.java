package io.tributary.cli.stack;

import io.tributary.stack.ProjectRoot;
import io.tributary.stack.RunningStacks;
import io.tributary.stack.StackEndpoints;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --stack-dir} option of the commands that talk to a pipeline, and the running local stack it points to:
 * by default the one {@code ./tributary run}, {@code demo} or {@code bench} runs, found by itself. A stack whose
 * process is gone is ignored with a one-line note on stderr.
 */
public final class StackLocation {

    @Option(names = "--stack-dir", paramLabel = "DIR",
            description = "Data dir of the running local stack to use (default: the one ./tributary run, demo or bench "
                    + "runs, found by itself). Configuration and explicit options override its endpoints.")
    Path stackDir;

    private Optional<RunningStacks.Found> found;

    /** The running local stack, looked up once per command. */
    public Optional<RunningStacks.Found> find() {
        if (found == null) {
            Path base = ProjectRoot.find("", Path.of("")).orElse(Path.of("").toAbsolutePath());
            found = RunningStacks.find(stackDir, base, note -> System.err.println("tributary: " + note));
        }
        return found;
    }

    /**
     * The stack's endpoints as configuration keys ({@code kafka.bootstrap.servers}, {@code connect.url}, {@code s3.*},
     * {@code warehouse.*}), the lowest layer under file, environment and --set; empty when no stack runs.
     */
    public Map<String, String> endpointDefaults() {
        return find().map(stack -> endpointDefaults(stack.endpoints())).orElse(Map.of());
    }

    /** A local stack's endpoints as configuration keys; its S3 server (s3proxy) takes path-style requests only. */
    public static Map<String, String> endpointDefaults(StackEndpoints endpoints) {
        Map<String, String> props = new LinkedHashMap<>(endpoints.asProperties());
        props.put("s3.path.style.access", "true");
        return props;
    }

    /** The data dir of the running stack, if any. */
    public Optional<Path> dataDir() {
        return find().map(RunningStacks.Found::dataDir);
    }
}
