package io.tributary.stack;

import java.time.Duration;

/** Progress of a stack start-up, for the CLI to print (the stack itself prints nothing). */
public interface StackListener {

    StackListener NONE = new StackListener() {
    };

    default void starting(StackServer server) {
    }

    /**
     * @param address what clients connect to (bootstrap servers, URL, JDBC URL)
     * @param took    from the launch of its JVM until the readiness probe passed
     * @param pid     the server's child JVM
     */
    default void ready(StackServer server, String address, Duration took, long pid) {
    }

    default void stopped(StackServer server) {
    }
}
