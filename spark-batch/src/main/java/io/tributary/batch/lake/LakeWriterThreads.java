package io.tributary.batch.lake;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs a batch's lake write beside the warehouse load when the loader does not read the lake (PostgreSQL gets the
 * rows from the driver): Spark's executors write parquet while the database ingests, instead of one after the other.
 */
public final class LakeWriterThreads {
    /** Daemon threads, so they never keep the JVM alive. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "tributary-lake-writer");
        thread.setDaemon(true);
        return thread;
    });

    private LakeWriterThreads() {
    }

    public static <T> CompletableFuture<T> start(Supplier<T> write) {
        return CompletableFuture.supplyAsync(write, THREADS);
    }

    /** Waits for the write after {@code failure} failed the batch; a failure of the write is added to it. */
    public static void awaitAfter(CompletableFuture<?> write, Exception failure) {
        try {
            write.join();
        } catch (CompletionException e) {
            failure.addSuppressed(e.getCause());
        }
    }

    /** The write's result; its failure is rethrown here, failing the batch (which is then replayed). */
    public static <T> T await(CompletableFuture<T> write, String loadBatchId) {
        try {
            return write.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("writing the lake files of batch " + loadBatchId + " failed", e.getCause());
        }
    }
}
