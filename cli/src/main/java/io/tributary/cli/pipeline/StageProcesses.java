package io.tributary.cli.pipeline;

import io.tributary.cli.TributaryCommand;
import io.tributary.stack.LogConfigs;
import io.tributary.stack.process.ChildLauncher;
import io.tributary.stack.process.ChildSpec;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.process.Readiness;
import io.tributary.stack.process.Supervisor;
import io.tributary.stack.spark.SparkJobLauncher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How {@code tributary run} starts its stages as child processes: {@code tributary streams} in a JVM of this
 * classpath, the Spark job in its own (Spark's classpath). Each reads a config file the parent resolved; each is a
 * child the supervisor restarts with the same file, so a restart resumes from committed offsets and checkpoints.
 */
final class StageProcesses {
    /** Extra JVM options for the streams JVM (e.g. a flight recording), read by this process, not the child. */
    static final String STREAMS_JAVA_OPTS_ENV = "TRIBUTARY_STREAMS_JAVA_OPTS";
    private static final Duration STREAMS_READY = Duration.ofSeconds(120);

    private final ChildLauncher launcher;
    private final Path confDir;
    private final Path logDir;
    private final Path workDir;

    StageProcesses(Path workDir, Path logDir) {
        this.workDir = workDir;
        this.confDir = workDir.resolve("conf");
        this.logDir = logDir;
        this.launcher = new ChildLauncher(confDir, process -> { });
    }

    /** Starts {@code tributary streams --config <file>}; ready once its /health answers that it runs. */
    Supervisor.Starter streams(Path configFile, int metricsPort, String heap) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + LogConfigs.server(confDir)));
        String extra = System.getenv(STREAMS_JAVA_OPTS_ENV);
        if (extra != null && !extra.isBlank()) {
            options.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        var counts = new StreamsCounts(metricsPort);
        return () -> {
            ManagedProcess process = launcher.launch(new ChildSpec("streams", TributaryCommand.class.getName(),
                    ChildLauncher.currentClasspath(), options, List.of("streams", "--config", configFile.toString()),
                    logDir.resolve("streams.log"), workDir, Map.of()));
            try {
                Readiness.await(process, STREAMS_READY, counts::running);
            } catch (RuntimeException e) {
                process.stop(Duration.ofSeconds(10));
                throw e;
            }
            return process;
        };
    }

    /** Starts the Spark job with {@code --config <file>}; it counts as started once its JVM runs. */
    Supervisor.Starter batch(Path configFile, String heap) {
        SparkJobLauncher spark = BatchJobs.launcher(workDir, logDir, heap);
        return () -> spark.start("batch", BatchJobs.MAIN_CLASS, List.of("--config", configFile.toString()));
    }
}
