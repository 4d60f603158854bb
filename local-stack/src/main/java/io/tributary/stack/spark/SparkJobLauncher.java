package io.tributary.stack.spark;

import io.tributary.stack.process.ChildLauncher;
import io.tributary.stack.process.ChildMainJar;
import io.tributary.stack.process.ChildSpec;
import io.tributary.stack.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the Spark job ({@code io.tributary.batch.BatchMain}) in its own JVM. Spark cannot share a classpath with
 * Connect or s3proxy (servlet 5 vs 6, Scala 2.12 vs 2.13), so its classpath is the one spark-batch wrote at build
 * time, plus a jar holding only {@link io.tributary.stack.process.ChildMain} for the parent watchdog.
 */
public final class SparkJobLauncher {

    public static final String MAIN_CLASS = "io.tributary.batch.BatchMain";
    static final String JOB_JAR = "spark-batch/target/tributary-spark-batch-0.1.0-SNAPSHOT.jar";
    static final String CLASSPATH_FILE = "spark-batch/target/spark-classpath.txt";
    static final String BUILD_HINT = "run ./mvnw -pl spark-batch -am package";

    /** Spark's own module options for Java 17 (JavaModuleOptions in spark-launcher). */
    static final List<String> JAVA_17_OPTIONS = List.of(
        "-XX:+IgnoreUnrecognizedVMOptions",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
        "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
        "-Djdk.reflect.useDirectMethodHandle=false",
        "-Dio.netty.tryReflectionSetAccessible=true");

    private final ChildLauncher launcher;
    private final Path projectRoot;
    private final Path workDir;
    private final Path logDir;
    private final Path log4jConfig;
    private final String heap;
    private final AtomicInteger jobs = new AtomicInteger();

    /**
     * @param workDir     working directory of the jobs, also where the ChildMain jar is written
     * @param log4jConfig log4j2 configuration of the job JVM
     */
    public SparkJobLauncher(ChildLauncher launcher, Path projectRoot, Path workDir, Path logDir, Path log4jConfig,
                            String heap) {
        this.launcher = launcher;
        this.projectRoot = projectRoot;
        this.workDir = workDir;
        this.logDir = logDir;
        this.log4jConfig = log4jConfig;
        this.heap = heap;
    }

    /** Starts a job; its output goes to {@code <logDir>/spark-job-<n>.log}. */
    public ManagedProcess start(List<String> args) {
        return start(MAIN_CLASS, args);
    }

    /** Starts {@code mainClass} of the job jar the same way (same classpath, options and log naming). */
    public ManagedProcess start(String mainClass, List<String> args) {
        return start("spark-job-" + jobs.incrementAndGet(), mainClass, args);
    }

    /** Starts {@code mainClass} of the job jar as {@code name}: its output goes to {@code <logDir>/<name>.log}. */
    public ManagedProcess start(String name, String mainClass, List<String> args) {
        List<String> classpath = new ArrayList<>();
        classpath.add(ChildMainJar.writeTo(workDir).toString());
        classpath.add(requireBuilt(projectRoot.resolve(JOB_JAR)).toString());
        classpath.addAll(sparkClasspath());
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + heap);
        options.addAll(JAVA_17_OPTIONS);
        options.add("-Dlog4j2.configurationFile=" + log4jConfig);
        // extra JVM options for profiling or GC logs, e.g. -XX:StartFlightRecording=filename=spark.jfr
        String extra = System.getenv("TRIBUTARY_SPARK_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        // The servers listen on 127.0.0.1 only; without this Spark binds its driver to the first non-loopback address.
        return launcher.launch(new ChildSpec(name, mainClass, classpath, options, args, logDir.resolve(name + ".log"),
            workDir, Map.of("SPARK_LOCAL_IP", "127.0.0.1")));
    }

    private List<String> sparkClasspath() {
        Path file = requireBuilt(projectRoot.resolve(CLASSPATH_FILE));
        try {
            return Arrays.stream(Files.readString(file).trim().split("[:\\n]"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path requireBuilt(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Spark job not built: " + file + " is missing; " + BUILD_HINT);
        }
        return file;
    }
}
