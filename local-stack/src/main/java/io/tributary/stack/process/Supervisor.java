package io.tributary.stack.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps child processes running. One that exits or is killed is started again after a back-off that doubles with
 * each crash in a row (and resets once it has run for a while); one that crashes {@link Policy#maxCrashes()} times
 * within {@link Policy#crashWindow()} is marked {@link State#FAILED} with the end of its log instead of being
 * restarted forever. Every exit, restart and failure is logged with the process name and pid, and kept for the status
 * page ({@link #status()}).
 */
public final class Supervisor implements AutoCloseable {

    /** Starts the process and returns once it is ready; on failure it stops what it started and throws. */
    @FunctionalInterface
    public interface Starter {
        ManagedProcess start() throws Exception;
    }

    /**
     * @param firstBackoff wait before the first restart; doubled for each crash in a row
     * @param maxBackoff   upper bound of the wait
     * @param maxCrashes   this many crashes within {@code crashWindow} mark the process FAILED
     * @param crashWindow  see {@code maxCrashes}
     * @param stableAfter  a process that ran this long starts its back-off from {@code firstBackoff} again
     */
    public record Policy(Duration firstBackoff, Duration maxBackoff, int maxCrashes, Duration crashWindow,
                         Duration stableAfter) {
        public static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
            Duration.ofMinutes(10), Duration.ofMinutes(1));
    }

    public enum State {
        RUNNING, RESTARTING, FAILED, STOPPED
    }

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    static final int LOG_TAIL_LINES = 20;

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Supervised> supervised = Collections.synchronizedMap(new LinkedHashMap<>());
    private final ScheduledExecutorService watcher;
    private final ExecutorService restartPool;
    private volatile boolean closed;

    public Supervisor() {
        this(Policy.DEFAULT, Clock.systemUTC());
    }

    public Supervisor(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.watcher = Executors.newSingleThreadScheduledExecutor(daemon("tributary-supervisor"));
        this.restartPool = Executors.newCachedThreadPool(daemon("tributary-supervisor-restart"));
        watcher.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    /** Watches {@code running}, already started and ready; {@code restart} starts it again after it exits. */
    public void supervise(String name, ManagedProcess running, Starter restart) {
        if (closed) {
            throw new IllegalStateException("the supervisor is closed");
        }
        var entry = new Supervised(name, restart, running, clock.instant());
        if (supervised.putIfAbsent(name, entry) != null) {
            throw new IllegalStateException(name + " is already supervised");
        }
    }

    /** Starts a process now (returning once it is ready) and supervises it. */
    public ManagedProcess start(String name, Starter starter) throws Exception {
        ManagedProcess process = starter.start();
        supervise(name, process, starter);
        return process;
    }

    /** Runs {@code hook} with the new process after every restart of {@code name} (not after the first start). */
    public void afterRestart(String name, Consumer<ManagedProcess> hook) {
        entry(name).hooks.add(hook);
    }

    /** The current process of {@code name}, if it is supervised and running. */
    public Optional<ManagedProcess> process(String name) {
        Supervised entry = supervised.get(name);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return entry.state == State.RUNNING ? Optional.of(entry.process) : Optional.empty();
        }
    }

    /** Every supervised process, in the order they were added. */
    public List<ProcessStatus> status() {
        List<Supervised> entries;
        synchronized (supervised) {
            entries = new ArrayList<>(supervised.values());
        }
        return entries.stream().map(Supervised::status).toList();
    }

    /** Stops {@code name} for good: it is not restarted any more. */
    public void stop(String name) {
        Supervised entry = supervised.get(name);
        if (entry != null) {
            entry.stopForGood();
        }
    }

    /** Stops watching, then stops every process, the last added first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watcher.shutdownNow();
        restartPool.shutdownNow();
        try {
            restartPool.awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Supervised> entries;
        synchronized (supervised) {
            entries = new ArrayList<>(supervised.values());
        }
        Collections.reverse(entries);
        entries.forEach(Supervised::stopForGood);
    }

    private void watch() {
        List<Supervised> entries;
        synchronized (supervised) {
            entries = new ArrayList<>(supervised.values());
        }
        for (Supervised entry : entries) {
            try {
                entry.check();
            } catch (RuntimeException e) {
                log.warn("supervising {} failed: {}", entry.name, e.toString(), e);
            }
        }
    }

    private Supervised entry(String name) {
        Supervised entry = supervised.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(name + " is not supervised");
        }
        return entry;
    }

    /** How a process ended, in words: a kill -9 reads as such, not as "exit 137". */
    static String describeExit(int code) {
        return switch (code) {
            case 0 -> "exited with code 0";
            case 137 -> "killed (SIGKILL, exit 137)";
            case 143 -> "terminated (SIGTERM, exit 143)";
            case 130 -> "interrupted (SIGINT, exit 130)";
            default -> "exited with code " + code;
        };
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One supervised process; its fields change under its own lock. */
    private final class Supervised {
        final String name;
        final Starter starter;
        final List<Consumer<ManagedProcess>> hooks = new CopyOnWriteArrayList<>();
        final ArrayDeque<Instant> crashes = new ArrayDeque<>();
        ManagedProcess process;
        State state = State.RUNNING;
        Instant since;
        int restarts;
        int crashesInARow;
        Instant nextAttempt;
        boolean restarting;
        String lastExit;
        Instant lastExitAt;
        String failureLog;

        Supervised(String name, Starter starter, ManagedProcess process, Instant since) {
            this.name = name;
            this.starter = starter;
            this.process = process;
            this.since = since;
        }

        synchronized void check() {
            Instant now = clock.instant();
            if (closed) {
                return;
            }
            if (state == State.RUNNING && !process.isAlive()) {
                crashed(describeExit(process.exitCode().orElse(-1)), now);
            } else if (state == State.RUNNING && crashesInARow > 0
                && Duration.between(since, now).compareTo(policy.stableAfter()) >= 0) {
                crashesInARow = 0;
            }
            if (state == State.RESTARTING && !restarting && !now.isBefore(nextAttempt)) {
                restarting = true;
                restartPool.execute(this::restart);
            }
        }

        private void crashed(String why, Instant now) {
            lastExit = why;
            lastExitAt = now;
            crashes.addLast(now);
            while (!crashes.isEmpty() && Duration.between(crashes.peekFirst(), now).compareTo(policy.crashWindow()) > 0) {
                crashes.removeFirst();
            }
            if (crashes.size() >= policy.maxCrashes()) {
                state = State.FAILED;
                since = now;
                failureLog = process == null ? "" : process.logTail(LOG_TAIL_LINES);
                log.error("{} {} and crashed {} times within {}: not restarting it again; last lines of {}:{}{}", name,
                    why, crashes.size(), policy.crashWindow(), process == null ? "its log" : process.logFile(),
                    System.lineSeparator(), failureLog);
                return;
            }
            long factor = 1L << Math.min(20, crashesInARow);
            Duration backoff = policy.firstBackoff().multipliedBy(factor);
            if (backoff.compareTo(policy.maxBackoff()) > 0) {
                backoff = policy.maxBackoff();
            }
            crashesInARow++;
            state = State.RESTARTING;
            since = now;
            nextAttempt = now.plus(backoff);
            log.warn("{} (pid {}) {}; restarting it in {} ms (crash {} of {} allowed within {})", name,
                process == null ? "-" : process.pid(), why, backoff.toMillis(), crashes.size(), policy.maxCrashes(),
                policy.crashWindow());
        }

        private void restart() {
            ManagedProcess started;
            try {
                started = starter.start();
            } catch (Exception e) {
                synchronized (this) {
                    restarting = false;
                    if (!closed && state == State.RESTARTING) {
                        crashed("did not start: " + e.getMessage(), clock.instant());
                    }
                }
                return;
            }
            synchronized (this) {
                restarting = false;
                if (closed || state != State.RESTARTING) {
                    started.stop(STOP_GRACE); // stopped for good while it was starting
                    return;
                }
                process = started;
                state = State.RUNNING;
                since = clock.instant();
                restarts++;
                log.info("{} restarted (pid {}), restart {}; it had {}", name, started.pid(), restarts, lastExit);
            }
            for (Consumer<ManagedProcess> hook : hooks) {
                try {
                    hook.accept(started);
                } catch (RuntimeException e) {
                    log.warn("after restarting {}: {}", name, e.toString());
                }
            }
        }

        void stopForGood() {
            ManagedProcess toStop;
            synchronized (this) {
                state = State.STOPPED;
                toStop = process;
            }
            if (toStop != null) {
                toStop.stop(STOP_GRACE);
            }
        }

        synchronized ProcessStatus status() {
            return new ProcessStatus(name, state, process == null ? -1 : process.pid(), restarts, lastExit,
                lastExitAt, since, process == null ? null : process.logFile(),
                state == State.FAILED ? failureLog : null);
        }
    }
}
