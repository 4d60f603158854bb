package io.tributary.cli;

import io.tributary.monitor.MonitorConfig;
import io.tributary.monitor.status.PipelineStatusSources;
import io.tributary.monitor.status.StatusServer;
import io.tributary.stack.StackEndpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Runs the status page (/, /metrics, /health) inside {@code up} and {@code demo}, watching their stack. */
final class StatusWiring {
    private StatusWiring() {
    }

    /**
     * @param checkpoint the Spark job's checkpoint (for the landing backlog), or null when no job runs
     * @param trigger    the micro-batch interval: landing older than 3 triggers is reported as a stuck stage
     * @param port       the port to serve on; when taken, a free port is used instead
     */
    static StatusServer start(StackEndpoints endpoints, Path checkpoint, Duration trigger, int port) {
        Map<String, Object> props = new HashMap<>(endpoints.asProperties());
        props.keySet().retainAll(MonitorConfig.CONFIG_DEF.names());
        if (checkpoint != null) {
            props.put(MonitorConfig.CHECKPOINT, checkpoint.toString());
        }
        props.put(MonitorConfig.LANDING_MAX_AGE_MS, Long.toString(Math.max(60_000, trigger.multipliedBy(3).toMillis())));
        var sources = PipelineStatusSources.connect(new MonitorConfig(props), Clock.systemUTC());
        try {
            return StatusServer.start(sources, port);
        } catch (RuntimeException e) {
            if (isBindFailure(e) && port != 0) {
                return StatusServer.start(sources, 0);
            }
            sources.close();
            throw e;
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || (t instanceof UncheckedIOException u && u.getCause() instanceof BindException)
                    || (t instanceof IOException && String.valueOf(t.getMessage()).contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
