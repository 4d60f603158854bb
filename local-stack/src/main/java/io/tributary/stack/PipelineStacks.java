package io.tributary.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The test fixture: one started stack per JVM, shared by every test class, stopped when the JVM exits. */
public final class PipelineStacks {

    public static final String KIND_PROPERTY = "tributary.stack";
    public static final String DEFAULT_KIND = "local";

    private static final Logger log = LoggerFactory.getLogger(PipelineStacks.class);
    private static PipelineStack shared;

    private PipelineStacks() {
    }

    /** The stack of this JVM, started on first call, of the kind named by {@code -Dtributary.stack} (default local). */
    public static synchronized PipelineStack shared() {
        if (shared == null) {
            Path dataDir = tempDataDir();
            PipelineStack stack = factory(System.getProperty(KIND_PROPERTY, DEFAULT_KIND)).start(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                deleteQuietly(dataDir);
            }, "tributary-shared-stack-shutdown"));
            shared = stack;
        }
        return shared;
    }

    static PipelineStackFactory factory(String kind) {
        List<PipelineStackFactory> factories = ServiceLoader.load(PipelineStackFactory.class).stream()
            .map(ServiceLoader.Provider::get).toList();
        return factories.stream().filter(f -> f.name().equals(kind)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown " + KIND_PROPERTY + "=" + kind + "; known: "
                + factories.stream().map(PipelineStackFactory::name).sorted().toList()));
    }

    private static Path tempDataDir() {
        try {
            return Files.createTempDirectory("tributary-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data dir", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            log.warn("cannot delete {}: {}", dir, e.toString());
        }
    }
}
