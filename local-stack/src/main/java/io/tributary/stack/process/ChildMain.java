package io.tributary.stack.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point of every child JVM: {@code ChildMain <parentPid> <realMainClass> args...}.
 *
 * <p>A daemon thread exits this JVM when the parent process is gone, so no server survives even a
 * {@code kill -9} of the parent. It uses {@link System#exit} (not halt) so that shutdown hooks run:
 * zonky's hook is what stops the PostgreSQL postmaster. A second timer halts if the hooks hang.
 *
 * <p>Uses nothing but the JDK: {@link ChildMainJar} copies this class alone into a tiny jar that is
 * put in front of foreign classpaths (Spark's), where none of our dependencies may appear.
 */
public final class ChildMain {

    static final long PARENT_POLL_MILLIS = 250;
    static final long EXIT_HOOKS_GRACE_MILLIS = 30_000;

    private ChildMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: ChildMain <parentPid> <mainClass> [args...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        watchParent(parentPid);
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            // A main that failed must not leave a half-started server alive on its non-daemon threads.
            e.getCause().printStackTrace();
            exitWithin(1, EXIT_HOOKS_GRACE_MILLIS);
        }
    }

    private static void watchParent(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            System.err.println("parent process " + parentPid + " is already gone, exiting");
            System.exit(3);
        }
        ProcessHandle handle = parent.get();
        // Polling instead of onExit(): for a process that is not our child, onExit() itself polls with
        // a back-off that grows to 5 s; a fixed 250 ms poll keeps orphan lifetimes short and predictable.
        Thread watchdog = new Thread(() -> {
            while (handle.isAlive()) {
                try {
                    Thread.sleep(PARENT_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("parent process " + parentPid + " exited, stopping this child");
            exitWithin(0, EXIT_HOOKS_GRACE_MILLIS);
        }, "tributary-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void exitWithin(int status, long graceMillis) {
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(graceMillis);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(status);
        }, "tributary-exit-halter");
        halter.setDaemon(true);
        halter.start();
        System.exit(status);
    }
}
