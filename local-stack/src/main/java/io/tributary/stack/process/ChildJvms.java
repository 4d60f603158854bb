package io.tributary.stack.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts server JVMs the same way: this JVM's classpath, common options, one log file each.
 *
 * @param launcher    starts the processes
 * @param classpath   classpath of the servers
 * @param jvmOptions  options every server JVM gets (GC, logging config)
 * @param logDir      {@code <dataDir>/logs}
 */
public record ChildJvms(ChildLauncher launcher, List<String> classpath, List<String> jvmOptions, Path logDir) {

    public ChildJvms {
        classpath = List.copyOf(classpath);
        jvmOptions = List.copyOf(jvmOptions);
    }

    public ManagedProcess start(String name, String mainClass, String heap, List<String> args, Path workDir) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + heap);
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.add("-Djava.awt.headless=true");
        options.addAll(jvmOptions);
        return launcher.launch(new ChildSpec(name, mainClass, classpath, options, args,
            logDir.resolve(name + ".log"), workDir, Map.of()));
    }
}
