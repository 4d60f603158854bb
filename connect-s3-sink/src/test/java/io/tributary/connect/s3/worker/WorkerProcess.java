package io.tributary.connect.s3.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A standalone Connect worker in its own JVM (this JVM's classpath, which holds connect-runtime but not the
 * sink: the sink comes from target/plugin), so a test can kill -9 it. Output goes to {@code <dir>/worker-N.log}.
 */
final class WorkerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final int port;

    private WorkerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static WorkerProcess start(Path dir, int generation, String heap, Map<String, String> worker,
                               Map<String, String> connector) throws IOException {
        Path workerFile = write(dir.resolve("worker.properties"), worker);
        Path connectorFile = write(dir.resolve("connector.properties"), connector);
        int port = Integer.parseInt(worker.get("listeners").replaceAll(".*:(\\d+)$", "$1"));
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.connect.cli.ConnectStandalone", workerFile.toString(), connectorFile.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker-" + generation + ".log").toFile())
                .start();
        WorkerProcess started = new WorkerProcess(process, port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> started.tasksRunning(connector.get("name")));
        return started;
    }

    private static Path write(Path file, Map<String, String> props) throws IOException {
        Properties properties = new Properties();
        properties.putAll(props);
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, null);
        }
        return file;
    }

    /** Whether the connector and all its tasks report RUNNING over REST. */
    boolean tasksRunning(String connector) {
        if (!process.isAlive()) {
            throw new IllegalStateException("worker exited with " + process.exitValue());
        }
        try {
            String status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connectors/"
                    + connector + "/status")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return status.contains("\"tasks\":[{") && !status.contains("FAILED") && !status.contains("UNASSIGNED")
                    && !status.contains("PAUSED");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no final offset commit, no close() of the task. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
