package io.tributary.cli.pipeline;

import io.tributary.cli.stack.StackLocation;
import io.tributary.monitor.MonitorConfig;
import io.tributary.monitor.status.PipelineStatusSources;
import io.tributary.monitor.status.ProcessRow;
import io.tributary.monitor.status.StatusServer;
import io.tributary.stack.LocalStack;
import io.tributary.stack.LocalStackConfig;
import io.tributary.stack.StackListener;
import io.tributary.stack.process.ProcessStatus;
import io.tributary.stack.process.Supervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole pipeline as one service: the embedded stack's servers (or external ones), the stages, and the status page,
 * every process supervised by one {@link Supervisor}. {@code run} keeps it up until Ctrl-C; {@code demo},
 * {@code bench} and {@code chaos} start it, publish, wait and check.
 */
public final class PipelineService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineService.class);

    /**
     * @param stack      the embedded stack to start, or null to run against the endpoints in {@code config}
     * @param config     the resolved configuration of the stages (file < environment < --set); on the embedded
     *                   stack its endpoints replace the endpoint keys
     * @param options    the stages' options; null starts the servers only
     * @param statusPort the status page's port (a free one when taken); -1 = no status page
     * @param statusHost the address the status page listens on (127.0.0.1: this machine only)
     */
    public record Spec(LocalStackConfig stack, Map<String, String> config, Pipeline.Options options, int statusPort,
                       String statusHost) {
        public Spec(LocalStackConfig stack, Map<String, String> config, Pipeline.Options options, int statusPort) {
            this(stack, config, options, statusPort, "127.0.0.1");
        }
    }

    /** Told as each server and stage comes up. */
    public interface Listener extends StackListener, Pipeline.StageListener {
    }

    private final LocalStack stack;
    private final Supervisor supervisor;
    private final Map<String, String> config;
    private volatile Pipeline pipeline;
    private volatile StatusServer status;

    private PipelineService(LocalStack stack, Supervisor supervisor, Map<String, String> config) {
        this.stack = stack;
        this.supervisor = supervisor;
        this.config = config;
    }

    public static PipelineService start(Spec spec, Listener listener) {
        LocalStack stack = spec.stack() == null ? null : LocalStack.start(spec.stack(), listener);
        Map<String, String> config = new HashMap<>(spec.config());
        if (stack != null) {
            config.putAll(StackLocation.endpointDefaults(stack.endpoints()));
        }
        var service = new PipelineService(stack, stack != null ? stack.supervisor() : new Supervisor(), config);
        try {
            if (spec.options() != null) {
                service.pipeline = Pipeline.start(config, spec.options(), service.supervisor, listener);
            }
            if (spec.statusPort() >= 0) {
                service.status = service.startStatusPage(spec);
                listener.started("status page", service.status.url() + "  (/metrics, /health)");
            }
            return service;
        } catch (RuntimeException | Error e) {
            service.close();
            throw e;
        }
    }

    private StatusServer startStatusPage(Spec spec) {
        Map<String, Object> props = new HashMap<>();
        config.forEach((key, value) -> {
            if (MonitorConfig.CONFIG_DEF.names().contains(key)) {
                props.put(key, value);
            }
        });
        Duration trigger = spec.options() == null ? Duration.ofMinutes(10) : spec.options().trigger();
        if (spec.options() != null) {
            props.put(MonitorConfig.CHECKPOINT, spec.options().checkpointDir().toString());
        }
        props.put(MonitorConfig.LANDING_MAX_AGE_MS, Long.toString(Math.max(60_000, trigger.multipliedBy(3).toMillis())));
        var sources = PipelineStatusSources.connect(new MonitorConfig(props), Clock.systemUTC(), this::processRows);
        try {
            return StatusServer.start(sources, spec.statusHost(), spec.statusPort());
        } catch (RuntimeException e) {
            if (isBindFailure(e) && spec.statusPort() != 0) {
                return StatusServer.start(sources, spec.statusHost(), 0);
            }
            sources.close();
            throw e;
        }
    }

    /** Every supervised process and connector, as the status page lists them. */
    public List<ProcessRow> processRows() {
        List<ProcessRow> rows = new ArrayList<>();
        for (ProcessStatus p : supervisor.status()) {
            rows.add(new ProcessRow(p.name(), p.state().name(), p.pid(), p.restarts(), p.lastExit(), p.lastExitAt(),
                    p.since(), p.failureLog()));
        }
        if (pipeline != null) {
            rows.addAll(pipeline.connectorRows());
        }
        return rows;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || (t instanceof IOException && String.valueOf(t.getMessage())
                    .contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** The embedded stack, if this service runs one. */
    public Optional<LocalStack> stack() {
        return Optional.ofNullable(stack);
    }

    /** The stages, if this service runs them. */
    public Pipeline pipeline() {
        return pipeline;
    }

    public Supervisor supervisor() {
        return supervisor;
    }

    public Optional<StatusServer> status() {
        return Optional.ofNullable(status);
    }

    /** The resolved configuration, endpoints included (with secrets: never print it). */
    public Map<String, String> config() {
        return Map.copyOf(config);
    }

    /** Where the embedded stack keeps its data, or null. */
    public Path dataDir() {
        return stack == null ? null : stack.dataDir();
    }

    /** Stops the status page, the stages, then the servers (or the supervisor of the stages). */
    @Override
    public synchronized void close() {
        if (status != null) {
            status.close();
            status = null;
        }
        if (pipeline != null) {
            try {
                pipeline.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping the stages: {}", e.toString());
            }
            pipeline = null;
        }
        if (stack != null) {
            stack.close();
        } else {
            supervisor.close();
        }
    }
}
