package io.tributary.monitor.status;

import io.tributary.monitor.lag.LagStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the status page in headless Chromium (Debian's {@code chromium}; .ci/run installs it): the charts must be
 * drawn with data points, a stopped stage's row red; the screenshot is saved as target/status-page.png.
 * Without chromium the test fails on CI (CI=true) and is skipped elsewhere, saying how to install it.
 */
class StatusPageIT {
    private static final String[] CHARTS = {"lag_records", "lag_seconds", "landing_backlog", "freshness_seconds",
            "throughput_per_second", "dlq_by_reason"};
    private static ScriptedSources sources;
    private static StatusServer server;

    @BeforeAll
    static void startServer() {
        sources = new ScriptedSources();
        server = StatusServer.start(sources, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> sources.samples() >= 12);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void chartsRenderWithDataAndAStoppedStageTurnsItsRowRed(@TempDir Path profile) throws Exception {
        String chromium = chromium();
        sources.sinkStatus.set(LagStatus.STOP);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.latest().failing());

        String dom = run(chromium, profile.resolve("dom"), "--dump-dom", server.url().toString());
        assertThat(dom).contains("data-rendered=\"true\"");
        for (String chart : CHARTS) {
            Matcher m = Pattern.compile("<canvas id=\"" + chart + "\"[^>]*data-points=\"(\\d+)\"").matcher(dom);
            assertThat(m.find()).as("chart %s drawn in:%n%s", chart, dom).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as("points drawn on %s", chart).isGreaterThanOrEqualTo(10);
        }
        assertThat(dom).containsPattern("<tr class=\"STOP\" data-stage=\"connect-s3-sink-vehicle-events\">")
                .containsPattern("<tr class=\"OK\" data-stage=\"tributary-streams\">")
                .containsPattern("<tr class=\"RUNNING\" data-process=\"kafka\" data-restarts=\"1\">")
                .contains("killed (SIGKILL, exit 137)");

        Path screenshot = Path.of("target", "status-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        run(chromium, profile.resolve("shot"), "--screenshot=" + screenshot, "--window-size=1280,900",
                server.url().toString());
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    }

    private static String run(String chromium, Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--virtual-time-budget=4000"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium-out", ".txt");
        Path err = Files.createTempFile("chromium-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish in 120 s: " + Files.readString(err));
        }
        assertThat(process.exitValue()).as("chromium exit; stderr:%n%s", Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String chromium() {
        Optional<String> found = findOnPath("chromium").or(() -> findOnPath("chromium-browser"));
        String advice = "headless Chromium is needed: apt-get install -y chromium (.ci/run installs it)";
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("chromium not found on PATH on CI: " + advice);
        }
        assumeThat(found).as(advice).isPresent();
        return found.get();
    }

    private static Optional<String> findOnPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
