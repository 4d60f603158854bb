package io.tributary.stack;

import io.tributary.stack.process.ManagedProcess;
import java.util.List;

/**
 * A running set of the pipeline's servers: Kafka, Connect, S3 API, PostgreSQL, plus a way to run Spark jobs.
 * Tests see only this interface, so a variant on other infrastructure (Testcontainers) can replace the local one.
 */
public interface PipelineStack extends AutoCloseable {

    StackEndpoints endpoints();

    /** Starts {@code io.tributary.batch.BatchMain} with {@code args} in its own JVM; the caller waits or stops it. */
    ManagedProcess startSparkJob(List<String> args);

    /**
     * Starts another main class of the spark-batch jar (e.g. a no-logic benchmark baseline) in its own JVM with the
     * same classpath and options as {@link #startSparkJob}.
     */
    ManagedProcess startSparkMain(String mainClass, List<String> args);

    /** Stops every server; idempotent. */
    @Override
    void close();
}
