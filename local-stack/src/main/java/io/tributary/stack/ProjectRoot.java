package io.tributary.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository root, where the Connect plugin and the Spark job are built. */
public final class ProjectRoot {

    public static final String SYSTEM_PROPERTY = "tributary.project.root";

    private ProjectRoot() {
    }

    /**
     * {@code configured} if not empty, else system property {@value #SYSTEM_PROPERTY}, else the nearest directory at
     * or above {@code cwd} that holds {@code mvnw} and {@code connect-s3-sink}.
     */
    public static Optional<Path> find(String configured, Path cwd) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        String property = System.getProperty(SYSTEM_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        for (Path dir = cwd.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("connect-s3-sink"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
