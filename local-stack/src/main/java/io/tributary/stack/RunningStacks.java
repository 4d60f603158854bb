package io.tributary.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * How commands find a running local stack: each stack writes {@code <data dir>/endpoints.properties} naming the
 * process that runs it, and registers its data dir under {@code <base>/.tributary/stacks/}. A file is trusted only
 * while that process is alive (same pid, same start time): a stack that was killed leaves a file behind, and a command
 * that trusted it would wait on a dead address.
 */
public final class RunningStacks {

    public static final String ENDPOINTS_FILE = "endpoints.properties";
    /** Data dirs of the commands that start a stack, relative to the working directory and the project root. */
    public static final List<Path> DEFAULT_DIRS = List.of(Path.of(".tributary/run"), Path.of(".tributary/demo"),
        Path.of(".tributary/bench"), Path.of(".tributary/chaos"));
    static final String OWNER_PID = "owner.pid";
    static final String OWNER_START = "owner.start";
    private static final String REGISTRY = ".tributary/stacks";

    /** A stack whose process is alive. */
    public record Found(Path dataDir, StackEndpoints endpoints, long ownerPid) {
    }

    private RunningStacks() {
    }

    /** Publishes the endpoints of the stack this process runs on {@code dataDir}, and registers the dir. */
    static void publish(Path dataDir, StackEndpoints endpoints, Path base) {
        Map<String, String> props = new LinkedHashMap<>(endpoints.asProperties());
        ProcessHandle self = ProcessHandle.current();
        props.put(OWNER_PID, Long.toString(self.pid()));
        self.info().startInstant().ifPresent(start -> props.put(OWNER_START, Long.toString(start.toEpochMilli())));
        PropertiesFiles.writeSecret(dataDir.resolve(ENDPOINTS_FILE), props,
            "endpoints of the running local stack (pid " + self.pid() + "); ignored once that process is gone");
        PropertiesFiles.write(registryEntry(base, self.pid(), dataDir), Map.of("data.dir", dataDir.toAbsolutePath().toString()),
            "a local stack runs on this data dir");
    }

    /** Withdraws what {@link #publish} wrote, when the stack stops. */
    static void withdraw(Path dataDir, Path base) {
        try {
            Files.deleteIfExists(dataDir.resolve(ENDPOINTS_FILE));
            Files.deleteIfExists(registryEntry(base, ProcessHandle.current().pid(), dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the endpoints of the stack in " + dataDir, e);
        }
    }

    /**
     * The running stack a command should use.
     *
     * @param explicitDataDir the stack the user named ({@code --stack-dir}), or null to look in the registry and the
     *                        default dirs
     * @param base            the project root (or the working directory), where the registry lives
     * @param notes           told, in one line each, of stale files ignored and of a choice among several stacks
     */
    public static Optional<Found> find(Path explicitDataDir, Path base, Consumer<String> notes) {
        if (explicitDataDir != null) {
            Path file = explicitDataDir.resolve(ENDPOINTS_FILE);
            if (!Files.isRegularFile(file)) {
                notes.accept("no local stack runs in " + explicitDataDir + " (it has no " + ENDPOINTS_FILE + ")");
                return Optional.empty();
            }
            return live(file, notes);
        }
        List<Found> running = new ArrayList<>();
        for (Path dir : candidates(base)) {
            Path file = dir.resolve(ENDPOINTS_FILE);
            if (Files.isRegularFile(file)) {
                live(file, notes).ifPresent(running::add);
            }
        }
        running.sort(Comparator.comparing((Found f) -> startOf(f.ownerPid())).reversed());
        if (running.size() > 1) {
            notes.accept("several local stacks are running (" + running.stream().map(f -> f.dataDir().toString())
                .toList() + "); using " + running.get(0).dataDir() + " (choose one with --stack-dir)");
        }
        return running.stream().findFirst();
    }

    private static Optional<Found> live(Path file, Consumer<String> notes) {
        Map<String, String> props;
        try {
            props = PropertiesFiles.read(file);
        } catch (UncheckedIOException e) {
            notes.accept("ignoring " + file + ": " + e.getCause().getMessage());
            return Optional.empty();
        }
        long pid = parse(props.get(OWNER_PID));
        Long start = props.containsKey(OWNER_START) ? parse(props.get(OWNER_START)) : null;
        if (!isAlive(pid, start)) {
            notes.accept("ignoring " + file + ": the stack that wrote it (pid " + (pid < 0 ? "unknown" : pid)
                + ") is not running; start one with ./tributary run");
            return Optional.empty();
        }
        Path dataDir = file.toAbsolutePath().normalize().getParent();
        return Optional.of(new Found(dataDir, StackEndpoints.fromProperties(props), pid));
    }

    /** Alive, and the same process: a pid reused by another program after a reboot or a kill does not count. */
    static boolean isAlive(long pid, Long startMillis) {
        if (pid <= 0) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
            .filter(handle -> startMillis == null || handle.info().startInstant().map(Instant::toEpochMilli)
                .map(actual -> actual.equals(startMillis)).orElse(true))
            .isPresent();
    }

    /** Registered data dirs first (stale entries are removed), then the default dirs under base and here. */
    private static Set<Path> candidates(Path base) {
        Set<Path> dirs = new LinkedHashSet<>();
        Path registry = base.resolve(REGISTRY);
        if (Files.isDirectory(registry)) {
            try (Stream<Path> entries = Files.list(registry)) {
                for (Path entry : entries.filter(p -> p.getFileName().toString().endsWith(".properties")).toList()) {
                    String name = entry.getFileName().toString();
                    long pid = parse(name.substring(0, Math.max(0, name.indexOf('-'))));
                    if (!isAlive(pid, null)) {
                        Files.deleteIfExists(entry);
                        continue;
                    }
                    String dir = PropertiesFiles.read(entry).get("data.dir");
                    if (dir != null) {
                        dirs.add(Path.of(dir).toAbsolutePath().normalize());
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // the registry only adds candidates; the default dirs are still looked at
            }
        }
        for (Path dir : DEFAULT_DIRS) {
            dirs.add(base.resolve(dir).toAbsolutePath().normalize());
            dirs.add(dir.toAbsolutePath().normalize());
        }
        return dirs;
    }

    /** One entry per process and data dir: a test JVM may run several stacks. */
    private static Path registryEntry(Path base, long pid, Path dataDir) {
        int dir = dataDir.toAbsolutePath().normalize().toString().hashCode() & 0x7fffffff;
        return base.resolve(REGISTRY).resolve(pid + "-" + dir + ".properties");
    }

    private static Instant startOf(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).orElse(Instant.EPOCH);
    }

    private static long parse(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
