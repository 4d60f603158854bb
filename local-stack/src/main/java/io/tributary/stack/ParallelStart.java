package io.tributary.stack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs start steps in parallel (with dependencies) and reports every failure, not only the first. */
final class ParallelStart {

    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }

    @FunctionalInterface
    interface DependentStep<T, R> {
        R run(T input) throws Exception;
    }

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tributary-stack-start-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final List<CompletableFuture<?>> futures = new ArrayList<>();

    <T> CompletableFuture<T> submit(Step<T> step) {
        return track(CompletableFuture.supplyAsync(() -> call(step), executor));
    }

    <T, R> CompletableFuture<R> submitAfter(CompletableFuture<T> before, DependentStep<T, R> step) {
        return track(before.thenApplyAsync(input -> call(() -> step.run(input)), executor));
    }

    /** Waits for every step; throws the first failure with the others suppressed. */
    void awaitAll() {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((ok, e) -> null).join();
        } finally {
            executor.shutdown();
        }
        Set<Throwable> failures = new LinkedHashSet<>();
        for (CompletableFuture<?> future : futures) {
            future.handle((ok, e) -> e == null ? null : failures.add(unwrap(e))).join();
        }
        if (failures.isEmpty()) {
            return;
        }
        var iterator = failures.iterator();
        Throwable first = iterator.next();
        RuntimeException thrown = first instanceof RuntimeException r ? r : new StackStartException(first.toString(), first);
        iterator.forEachRemaining(thrown::addSuppressed);
        throw thrown;
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        futures.add(future);
        return future;
    }

    private static <T> T call(Step<T> step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
