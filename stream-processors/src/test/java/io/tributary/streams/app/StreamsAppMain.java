package io.tributary.streams.app;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Streams application until the JVM is killed; arguments are {@code key=value} settings. Tests start it as
 * a child process so they can kill it like a crashed machine (SIGKILL: no close, no commit).
 */
public final class StreamsAppMain {
    private StreamsAppMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> props = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            props.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        StreamsApp.start(StreamsAppConfig.of(props));
        System.out.println("RUNNING");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
