package io.tributary.stack;

/**
 * A kind of pipeline stack, found with {@link java.util.ServiceLoader}: a module offering another kind (for example
 * on Testcontainers) registers its factory in {@code META-INF/services}, and tests pick it with
 * {@code -Dtributary.stack=<name>} without changing.
 */
public interface PipelineStackFactory {

    /** The value of {@code tributary.stack} that selects this kind. */
    String name();

    /** Starts a stack whose data lives under {@code dataDir} (a fresh temporary directory). */
    PipelineStack start(java.nio.file.Path dataDir);
}
