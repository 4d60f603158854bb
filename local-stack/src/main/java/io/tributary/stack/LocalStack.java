package io.tributary.stack;

import io.tributary.stack.connect.ConnectRestClient;
import io.tributary.stack.connect.ConnectWorker;
import io.tributary.stack.kafka.KafkaBroker;
import io.tributary.stack.postgres.PostgresServer;
import io.tributary.stack.process.ChildJvms;
import io.tributary.stack.process.ChildLauncher;
import io.tributary.stack.process.ManagedProcess;
import io.tributary.stack.process.Supervisor;
import io.tributary.stack.s3.S3Credentials;
import io.tributary.stack.s3.S3ProxyServer;
import io.tributary.stack.spark.SparkJobLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline infrastructure on this machine, each server a child JVM: KRaft broker, Connect worker,
 * s3proxy, PostgreSQL; Spark jobs on demand. Every server is supervised: one that dies (kill -9 included) is started
 * again on the same port and data ({@link #supervisor()}). Start with {@link #start(LocalStackConfig, StackListener)}; stop with
 * {@link #close()} (also run by a shutdown hook, and each child exits by itself when this JVM dies).
 */
public final class LocalStack implements PipelineStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final StackDirs dirs;
    private final DataDirLock lock;
    private final ChildLauncher launcher;
    private final List<ManagedProcess> launched = Collections.synchronizedList(new ArrayList<>());
    private final Supervisor supervisor = new Supervisor();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;
    private final StackListener listener;
    private volatile StackEndpoints endpoints;
    private volatile SparkJobLauncher sparkJobs;
    private volatile Path registryBase;

    private LocalStack(StackDirs dirs, DataDirLock lock, StackListener listener) {
        this.dirs = dirs;
        this.lock = lock;
        this.listener = listener;
        this.launcher = new ChildLauncher(dirs.conf(), this::launched);
        this.shutdownHook = new Thread(this::close, "tributary-local-stack-shutdown");
    }

    public static LocalStack start(LocalStackConfig config) {
        return start(config, StackListener.NONE);
    }

    /** Starts every server and returns once all are ready; on failure stops what was started and throws. */
    public static LocalStack start(LocalStackConfig config, StackListener listener) {
        StackDirs dirs = new StackDirs(config.dataDir());
        DataDirLock lock = DataDirLock.acquire(dirs, config.clean());
        LocalStack stack = new LocalStack(dirs, lock, listener);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startServers(config);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startServers(LocalStackConfig config) {
        long t0 = System.nanoTime();
        Ports ports = new Ports(dirs.ports());
        int kafkaPort = ports.choose(LocalStackConfig.KAFKA_PORT, config.port(LocalStackConfig.KAFKA_PORT));
        int controllerPort = ports.choose(LocalStackConfig.KAFKA_CONTROLLER_PORT,
            config.port(LocalStackConfig.KAFKA_CONTROLLER_PORT));
        int connectPort = ports.choose(LocalStackConfig.CONNECT_PORT, config.port(LocalStackConfig.CONNECT_PORT));
        int s3Port = ports.choose(LocalStackConfig.S3_PORT, config.port(LocalStackConfig.S3_PORT));
        int postgresPort = ports.choose(LocalStackConfig.POSTGRES_PORT, config.port(LocalStackConfig.POSTGRES_PORT));
        ports.save();
        S3Credentials credentials = S3Credentials.load(dirs.credentials(), System.getenv());
        Path serverLogConfig = LogConfigs.write(dirs.conf(), LogConfigs.SERVER);
        List<String> jvmOptions = new ArrayList<>(config.childJvmOptions());
        jvmOptions.add("-Dlog4j2.configurationFile=" + serverLogConfig);
        ChildJvms jvms = new ChildJvms(launcher, ChildLauncher.currentClasspath(), jvmOptions, dirs.logs());
        Duration timeout = Duration.ofMillis(config.startupTimeoutMs());
        Path projectRoot = ProjectRoot.find(config.projectRoot(), Path.of("")).orElse(null);
        Path pluginPath = pluginPath(config, projectRoot);
        String kafkaBootstrap = KafkaBroker.bootstrap(kafkaPort);

        // the same start steps serve the first start and every restart: same ports, same data, same credentials
        Map<StackServer, Supervisor.Starter> starters = new EnumMap<>(StackServer.class);
        starters.put(StackServer.POSTGRES, () -> PostgresServer.start(jvms, dirs.postgres(), postgresPort,
            config.heap(LocalStackConfig.POSTGRES_HEAP), timeout).process());
        starters.put(StackServer.S3, () -> S3ProxyServer.start(jvms, dirs.s3(), dirs.conf(), s3Port, credentials,
            config.bucket(), config.region(), config.heap(LocalStackConfig.S3_HEAP), timeout).process());
        starters.put(StackServer.KAFKA, () -> KafkaBroker.start(jvms, dirs.kafka(), kafkaPort, controllerPort,
            config.heap(LocalStackConfig.KAFKA_HEAP), timeout).process());
        starters.put(StackServer.CONNECT, () -> ConnectWorker.start(jvms, dirs.connect(), kafkaBootstrap, connectPort,
            pluginPath, config.pluginDiscovery(), config.heap(LocalStackConfig.CONNECT_HEAP), timeout).process());
        endpoints = new StackEndpoints(kafkaBootstrap, ConnectWorker.url(connectPort), S3ProxyServer.endpoint(s3Port),
            config.region(), config.bucket(), credentials.accessKey(), credentials.secretKey(),
            PostgresServer.jdbcUrl(postgresPort), PostgresServer.USER, PostgresServer.PASSWORD);

        ParallelStart parallel = new ParallelStart();
        parallel.submit(() -> timed(StackServer.POSTGRES, starters));
        parallel.submit(() -> timed(StackServer.S3, starters));
        var kafka = parallel.submit(() -> timed(StackServer.KAFKA, starters));
        parallel.submitAfter(kafka, broker -> timed(StackServer.CONNECT, starters));
        parallel.awaitAll();

        registryBase = projectRoot != null ? projectRoot : Path.of("").toAbsolutePath();
        RunningStacks.publish(dirs.root(), endpoints, registryBase);
        sparkJobs = projectRoot == null ? null : new SparkJobLauncher(launcher, projectRoot, dirs.root().resolve("spark"),
            dirs.logs(), LogConfigs.write(dirs.conf(), LogConfigs.SPARK), config.heap(LocalStackConfig.SPARK_HEAP));
        log.info("local stack ready in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, endpoints);
    }

    private static Path pluginPath(LocalStackConfig config, Path projectRoot) {
        if (!config.pluginPath().isBlank()) {
            return Path.of(config.pluginPath()).toAbsolutePath();
        }
        if (projectRoot == null) {
            throw new StackStartException("cannot find the project root (the directory with mvnw and connect-s3-sink)"
                + " for the Connect plugin path: set " + LocalStackConfig.CONNECT_PLUGIN_PATH + " or "
                + LocalStackConfig.PROJECT_ROOT);
        }
        return projectRoot.resolve("connect-s3-sink/target/plugin");
    }

    private void launched(ManagedProcess process) {
        launched.add(process);
        if (closed.get()) {
            // close() ran (Ctrl-C during start) after taking its list: this one would be missed
            process.stop(STOP_GRACE);
        }
    }

    /** Starts one server and puts it under supervision, telling the listener. */
    private ManagedProcess timed(StackServer server, Map<StackServer, Supervisor.Starter> starters) throws Exception {
        listener.starting(server);
        long t0 = System.nanoTime();
        ManagedProcess process;
        try {
            process = starters.get(server).start();
        } catch (StackStartException e) {
            throw e;
        } catch (Exception e) {
            throw new StackStartException("cannot start " + server.id() + ": " + e, e);
        }
        supervisor.supervise(server.id(), process, starters.get(server));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String address = address(server);
        log.info("{} ready in {} ms at {} (pid {})", server.id(), took.toMillis(), address, process.pid());
        listener.ready(server, address, took, process.pid());
        return process;
    }

    private String address(StackServer server) {
        return switch (server) {
            case POSTGRES -> endpoints.jdbcUrl();
            case S3 -> endpoints.s3Endpoint();
            case KAFKA -> endpoints.kafkaBootstrap();
            case CONNECT -> endpoints.connectUrl();
        };
    }

    @Override
    public StackEndpoints endpoints() {
        return endpoints;
    }

    public ConnectRestClient connectRest() {
        return new ConnectRestClient(endpoints.connectUrl());
    }

    /** The current child JVM of each running server (for fault tests and measurements); a restart replaces it. */
    public Map<StackServer, ManagedProcess> servers() {
        Map<StackServer, ManagedProcess> current = new EnumMap<>(StackServer.class);
        for (StackServer server : StackServer.values()) {
            supervisor.process(server.id()).ifPresent(process -> current.put(server, process));
        }
        return Map.copyOf(current);
    }

    /**
     * What keeps the servers running: a server that dies is started again on the same port and data. Pipeline
     * stages started on this stack join it, so one status lists every process.
     */
    public Supervisor supervisor() {
        return supervisor;
    }

    /** The PostgreSQL server process (pg_ctl detaches it from the JVM that started it), for measurements. */
    public Optional<ProcessHandle> postgresServerProcess() {
        return PostgresServer.postmaster(dirs.postgres());
    }

    public Path dataDir() {
        return dirs.root();
    }

    public Path postgresDataDir() {
        return dirs.postgres();
    }

    @Override
    public ManagedProcess startSparkJob(List<String> args) {
        return startSparkMain(SparkJobLauncher.MAIN_CLASS, args);
    }

    @Override
    public ManagedProcess startSparkMain(String mainClass, List<String> args) {
        if (closed.get()) {
            throw new IllegalStateException("the local stack is closed");
        }
        if (sparkJobs == null) {
            throw new IllegalStateException("cannot find the project root (with spark-batch/target) to run Spark jobs:"
                + " set " + LocalStackConfig.PROJECT_ROOT + " or -D" + ProjectRoot.SYSTEM_PROPERTY);
        }
        return sparkJobs.start(mainClass, args);
    }

    /**
     * Stops supervision and every child JVM in reverse start order (stages and Spark jobs, Connect before Kafka),
     * waits for the PostgreSQL postmaster to be gone, then releases the data dir.
     */
    @Override
    public synchronized void close() {
        // synchronized: a second caller (e.g. a shutdown hook deleting the data dir next) waits until all stopped
        if (closed.getAndSet(true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook may be running this very method
            }
        }
        Optional<ProcessHandle> postmaster = PostgresServer.postmaster(dirs.postgres());
        Set<StackServer> running = servers().keySet();
        supervisor.close();
        List<ManagedProcess> toStop;
        synchronized (launched) {
            toStop = new ArrayList<>(launched);
        }
        Collections.reverse(toStop);
        toStop.forEach(process -> process.stop(STOP_GRACE));
        running.forEach(listener::stopped);
        postmaster.ifPresent(PostgresServer::awaitExit);
        PostgresServer.stopOrphanedPostmaster(dirs.postgres());
        if (registryBase != null) {
            RunningStacks.withdraw(dirs.root(), registryBase);
        }
        lock.release();
        log.info("local stack stopped");
    }
}
