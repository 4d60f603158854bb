package io.tributary.stack;

import io.tributary.stack.connect.ConnectRestClient;
import io.tributary.stack.connect.ConnectWorker;
import io.tributary.stack.kafka.KafkaBroker;
import io.tributary.stack.postgres.PostgresServer;
import io.tributary.stack.process.ChildJvms;
import io.tributary.stack.process.ChildLauncher;
import io.tributary.stack.process.ManagedProcess;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline infrastructure on this machine, each server a child JVM: KRaft broker, Connect worker,
 * s3proxy, PostgreSQL; Spark jobs on demand. Start with {@link #start(LocalStackConfig, StackListener)}; stop with
 * {@link #close()} (also run by a shutdown hook, and each child exits by itself when this JVM dies).
 */
public final class LocalStack implements PipelineStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final StackDirs dirs;
    private final DataDirLock lock;
    private final ChildLauncher launcher;
    private final List<ManagedProcess> launched = Collections.synchronizedList(new ArrayList<>());
    private final Map<StackServer, ManagedProcess> servers = Collections.synchronizedMap(new EnumMap<>(StackServer.class));
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;
    private final StackListener listener;
    private volatile StackEndpoints endpoints;
    private volatile SparkJobLauncher sparkJobs;
    private volatile PostgresServer postgresServer;

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
        S3Credentials credentials = S3Credentials.load(dirs.credentials(), System.getenv());
        Path serverLogConfig = LogConfigs.write(dirs.conf(), LogConfigs.SERVER);
        List<String> jvmOptions = new ArrayList<>(config.childJvmOptions());
        jvmOptions.add("-Dlog4j2.configurationFile=" + serverLogConfig);
        ChildJvms jvms = new ChildJvms(launcher, ChildLauncher.currentClasspath(), jvmOptions, dirs.logs());
        Duration timeout = Duration.ofMillis(config.startupTimeoutMs());
        Path projectRoot = ProjectRoot.find(config.projectRoot(), Path.of("")).orElse(null);
        Path pluginPath = pluginPath(config, projectRoot);

        ParallelStart parallel = new ParallelStart();
        var postgres = parallel.submit(() -> timed(StackServer.POSTGRES, () -> {
            PostgresServer server = PostgresServer.start(jvms, dirs.postgres(), postgresPort,
                config.heap(LocalStackConfig.POSTGRES_HEAP), timeout);
            postgresServer = server;
            return new Started<>(server, server.process(), server.jdbcUrl());
        }));
        var s3 = parallel.submit(() -> timed(StackServer.S3, () -> {
            S3ProxyServer server = S3ProxyServer.start(jvms, dirs.s3(), dirs.conf(), s3Port, credentials,
                config.bucket(), config.region(), config.heap(LocalStackConfig.S3_HEAP), timeout);
            return new Started<>(server, server.process(), server.endpoint());
        }));
        var kafka = parallel.submit(() -> timed(StackServer.KAFKA, () -> {
            KafkaBroker server = KafkaBroker.start(jvms, dirs.kafka(), kafkaPort, controllerPort,
                config.heap(LocalStackConfig.KAFKA_HEAP), timeout);
            return new Started<>(server, server.process(), server.bootstrap());
        }));
        var connect = parallel.submitAfter(kafka, broker -> timed(StackServer.CONNECT, () -> {
            ConnectWorker server = ConnectWorker.start(jvms, dirs.connect(), broker.server().bootstrap(), connectPort,
                pluginPath, config.pluginDiscovery(), config.heap(LocalStackConfig.CONNECT_HEAP), timeout);
            return new Started<>(server, server.process(), server.url());
        }));
        parallel.awaitAll();

        ports.save();
        endpoints = new StackEndpoints(kafka.join().server().bootstrap(), connect.join().server().url(),
            s3.join().server().endpoint(), config.region(), config.bucket(), credentials.accessKey(),
            credentials.secretKey(), postgres.join().server().jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
        PropertiesFiles.writeSecret(dirs.endpoints(), endpoints.asProperties(),
            "endpoints of the running local stack (pid " + ProcessHandle.current().pid() + ")");
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

    private <S> Started<S> timed(StackServer server, ParallelStart.Step<Started<S>> start) throws Exception {
        listener.starting(server);
        long t0 = System.nanoTime();
        Started<S> started;
        try {
            started = start.run();
        } catch (StackStartException e) {
            throw e;
        } catch (Exception e) {
            throw new StackStartException("cannot start " + server.id() + ": " + e, e);
        }
        servers.put(server, started.process());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        log.info("{} ready in {} ms at {} (pid {})", server.id(), took.toMillis(), started.address(),
            started.process().pid());
        listener.ready(server, started.address(), took, started.process().pid());
        return started;
    }

    /** A server that came up: the server object, its JVM, and what clients connect to. */
    record Started<S>(S server, ManagedProcess process, String address) {
    }

    @Override
    public StackEndpoints endpoints() {
        return endpoints;
    }

    public ConnectRestClient connectRest() {
        return new ConnectRestClient(endpoints.connectUrl());
    }

    /** The child JVM of each server (for fault tests and measurements). */
    public Map<StackServer, ManagedProcess> servers() {
        synchronized (servers) {
            return Map.copyOf(servers);
        }
    }

    /** The PostgreSQL server process (pg_ctl detaches it from the JVM that started it), for measurements. */
    public Optional<ProcessHandle> postgresServerProcess() {
        return postgresServer == null ? Optional.empty() : postgresServer.postmasterProcess();
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

    /** Stops every child JVM in reverse start order (Spark jobs, Connect before Kafka), then releases the data dir. */
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
        List<ManagedProcess> toStop;
        synchronized (launched) {
            toStop = new ArrayList<>(launched);
        }
        Collections.reverse(toStop);
        for (ManagedProcess process : toStop) {
            process.stop(STOP_GRACE);
            servers().entrySet().stream().filter(e -> e.getValue() == process)
                .forEach(e -> listener.stopped(e.getKey()));
        }
        if (postgresServer != null) {
            postgresServer.awaitPostmasterExit();
        }
        PostgresServer.stopOrphanedPostmaster(dirs.postgres());
        lock.release();
        log.info("local stack stopped");
    }
}
