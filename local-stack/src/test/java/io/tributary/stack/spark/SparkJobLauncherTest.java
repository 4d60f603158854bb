package io.tributary.stack.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.stack.process.ChildLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkJobLauncherTest {

    @TempDir
    Path root;

    private SparkJobLauncher launcher() {
        return new SparkJobLauncher(new ChildLauncher(root.resolve("conf"), p -> { }), root, root.resolve("work"),
            root.resolve("logs"), root.resolve("log4j2.xml"), "1g");
    }

    @Test
    void missingJobJarIsNamedWithTheBuildCommand() {
        assertThatThrownBy(() -> launcher().start(List.of("--set", "spark.trigger=available-now")))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("tributary-spark-batch-0.1.0-SNAPSHOT.jar")
            .hasMessageContaining("run ./mvnw -pl spark-batch -am package");
    }

    @Test
    void missingClasspathFileIsNamedWithTheBuildCommand() throws Exception {
        Files.createDirectories(root.resolve("spark-batch/target"));
        Files.writeString(root.resolve(SparkJobLauncher.JOB_JAR), "not really a jar");
        assertThatThrownBy(() -> launcher().start(List.of()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("spark-classpath.txt")
            .hasMessageContaining("run ./mvnw -pl spark-batch -am package");
    }
}
