package io.tributary.stack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts child JVMs wrapped in {@link ChildMain}, with output appended to a log file. */
public final class ChildLauncher {

    private static final Logger log = LoggerFactory.getLogger(ChildLauncher.class);

    private final Path argFileDir;
    private final Consumer<ManagedProcess> onLaunch;

    /**
     * @param argFileDir where the {@code @argfiles} holding long classpaths are written
     * @param onLaunch   told of every process right after it started, before anyone waits for it
     */
    public ChildLauncher(Path argFileDir, Consumer<ManagedProcess> onLaunch) {
        this.argFileDir = argFileDir;
        this.onLaunch = onLaunch;
    }

    /**
     * The classpath of this JVM, as absolute paths (children run in other directories). Under {@code java -jar} it is
     * that jar, whose manifest Class-Path the child JVM follows too.
     */
    public static List<String> currentClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.isEmpty())
            .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
            .toList();
    }

    public ManagedProcess launch(ChildSpec spec) {
        try {
            Files.createDirectories(spec.logFile().getParent());
            Files.createDirectories(spec.workDir());
            List<String> command = command(spec);
            ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
            // A child reads the configuration its parent resolved (file < environment < --set) from the files it is
            // given; TRIBUTARY_* variables seen again in the child would override a --set the parent applied.
            builder.environment().keySet().removeIf(name -> name.startsWith("TRIBUTARY_"));
            builder.environment().putAll(spec.environment());
            Process process = builder.start();
            log.info("started {} (pid {}), log {}", spec.name(), process.pid(), spec.logFile());
            ManagedProcess managed = new ManagedProcess(spec.name(), process, spec.logFile());
            onLaunch.accept(managed);
            return managed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    List<String> command(ChildSpec spec) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        // A classpath of a few hundred jars can pass the 128 KiB limit of one argument: an @argfile has none.
        command.add("@" + writeClasspathArgFile(spec));
        command.add(ChildMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(spec.mainClass());
        command.addAll(spec.args());
        return command;
    }

    private Path writeClasspathArgFile(ChildSpec spec) throws IOException {
        Files.createDirectories(argFileDir);
        Path argFile = argFileDir.resolve(spec.name() + ".classpath");
        String classpath = String.join(File.pathSeparator, spec.classpath());
        Files.writeString(argFile, "-cp \"" + classpath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n",
            StandardCharsets.UTF_8);
        return argFile;
    }
}
