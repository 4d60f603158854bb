package io.tributary.cli.pipeline;

import io.tributary.monitor.status.ProcessRow;
import io.tributary.stack.connect.ConnectRestClient;
import io.tributary.stack.connect.ConnectorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the sink connectors running, on any Connect worker or cluster: a connector the worker no longer knows (a
 * standalone worker forgets its connectors when it restarts) is created again, and a failed connector or task (for
 * example after the broker or the S3 server went away) is restarted. Each action is logged and counted, and shown on
 * the status page as a row per connector; one that keeps failing (5 times in 10 minutes) is marked FAILED with its
 * trace instead of being restarted forever.
 */
final class ConnectorGuard implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorGuard.class);

    /** This many restarts within {@link #CRASH_WINDOW} mark a connector FAILED: it is left alone from then on. */
    static final int MAX_RESTARTS = 5;
    static final Duration CRASH_WINDOW = Duration.ofMinutes(10);

    /** What the guard last saw of one connector. */
    private record Seen(String state, int restarts, String lastAction, Instant lastActionAt, Instant since,
                        List<Instant> recentRestarts, String failureLog) {
        boolean failedForGood() {
            return ProcessRow.FAILED.equals(state);
        }
    }

    private final ConnectRestClient connect;
    private final SinkConnectors connectors;
    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    ConnectorGuard(ConnectRestClient connect, SinkConnectors connectors, Clock clock) {
        this(connect, connectors, clock, INTERVAL);
    }

    /** @param interval how often to check on its own ({@link #check()} also checks at once) */
    ConnectorGuard(ConnectRestClient connect, SinkConnectors connectors, Clock clock, Duration interval) {
        this.connect = connect;
        this.connectors = connectors;
        this.clock = clock;
        Instant now = clock.instant();
        connectors.names().forEach(name -> seen.put(name, new Seen("RUNNING", 0, null, null, now, List.of(), null)));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tributary-connector-guard");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checks every connector now (also after the worker restarted); a worker that does not answer is skipped. */
    synchronized void check() {
        for (String name : connectors.names()) {
            try {
                check(name, connect.status(name));
            } catch (RuntimeException e) {
                LOG.debug("cannot check connector {}: {}", name, e.toString());
            }
        }
    }

    private void check(String name, ConnectorStatus status) {
        Seen before = seen.get(name);
        Instant now = clock.instant();
        if (before.failedForGood()) {
            return;
        }
        List<Instant> recent = before.recentRestarts().stream()
                .filter(at -> Duration.between(at, now).compareTo(CRASH_WINDOW) <= 0).toList();
        String action = null;
        if (ConnectorStatus.ABSENT.equals(status.state())) {
            connectors.create(connect, name);
            action = "created again (the worker did not know it)";
        } else if (status.hasFailed() && recent.size() + 1 >= MAX_RESTARTS) {
            LOG.error("connector {} failed {} times within {}: not restarting it again; {}", name, recent.size() + 1,
                    CRASH_WINDOW, status.firstTrace());
            seen.put(name, new Seen(ProcessRow.FAILED, before.restarts(), "failed: " + firstLine(status.firstTrace()),
                    now, now, recent, status.firstTrace()));
            return;
        } else if (status.hasFailed()) {
            connect.restartFailed(name);
            action = "restarted after it failed: " + firstLine(status.firstTrace());
        }
        if (action != null) {
            LOG.warn("connector {} {}", name, action);
            List<Instant> restarts = new ArrayList<>(recent);
            restarts.add(now);
            seen.put(name, new Seen("RESTARTING", before.restarts() + 1, action, now, now, restarts, null));
        } else {
            String state = status.isRunning() ? "RUNNING" : status.state();
            seen.put(name, new Seen(state, before.restarts(), before.lastAction(), before.lastActionAt(),
                    state.equals(before.state()) ? before.since() : now, recent, null));
        }
    }

    /** One status-page row per connector. */
    List<ProcessRow> rows() {
        List<ProcessRow> rows = new ArrayList<>();
        for (String name : connectors.names()) {
            Seen s = seen.get(name);
            rows.add(new ProcessRow("connector " + name, s.state(), -1, s.restarts(), s.lastAction(),
                    s.lastActionAt(), s.since(), s.failureLog()));
        }
        return rows;
    }

    private static String firstLine(String trace) {
        if (trace == null) {
            return "(no trace)";
        }
        int end = trace.indexOf('\n');
        return end < 0 ? trace : trace.substring(0, end);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
