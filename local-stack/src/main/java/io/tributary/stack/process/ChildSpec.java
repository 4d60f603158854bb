package io.tributary.stack.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to run in a child JVM.
 *
 * @param name       short name, also the log file name ({@code <logDir>/<name>.log})
 * @param mainClass  the real main class, run by {@link ChildMain}
 * @param classpath  entries of the child's classpath
 * @param jvmOptions options before the main class ({@code -Xmx512m}, {@code --add-opens=…})
 * @param args       arguments of the real main
 * @param logFile    where stdout and stderr go (appended)
 * @param workDir    working directory of the child
 * @param environment extra environment variables
 */
public record ChildSpec(String name, String mainClass, List<String> classpath, List<String> jvmOptions,
                        List<String> args, Path logFile, Path workDir, Map<String, String> environment) {

    public ChildSpec {
        classpath = List.copyOf(classpath);
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }
}
