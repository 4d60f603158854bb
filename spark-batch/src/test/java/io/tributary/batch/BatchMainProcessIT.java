package io.tributary.batch;

import io.tributary.events.EventType;
import io.tributary.embeddedpg.PostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job as local-stack launches it: a child JVM started with the packaged thin jar, target/spark-classpath.txt and
 * target/spark-jvm-options.txt — the exact command documented in spark-batch/README.md.
 */
class BatchMainProcessIT {
    private static final Path TARGET = Path.of(System.getProperty("tributary.project.root", ".."), "spark-batch", "target");

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path work;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresBinaries.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void childJvmRunsAvailableNowOverALocalLandingDirAndExitsZero() throws Exception {
        Path lake = work.resolve("lake");
        io.tributary.batch.job.LandingFilesAccess.write(lake, List.of(
                io.tributary.batch.job.LandingFilesAccess.event("c-s", "V9", "brake", EventType.START,
                        "2020-01-02T00:00:00.000001Z"),
                io.tributary.batch.job.LandingFilesAccess.event("c-e", "V9", "brake", EventType.END,
                        "2020-01-02T00:00:00.500000Z")));

        var run = launch(List.of("--set", "s3.scheme=file", "--set", "s3.bucket=" + lake,
                "--set", "spark.checkpoint.location=" + work.resolve("checkpoint").toUri(),
                "--set", "spark.trigger=available-now",
                "--set", "warehouse.jdbc.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--set", "warehouse.schema=child"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("2 input events, 1 calls written (0 final), 0 retracted, 0 quarantined").doesNotContain("secret-pw");
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             ResultSet rs = c.createStatement().executeQuery("SELECT call_id, duration FROM child.log_functions_analysis")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("c-s");
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("0.499999");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void badConfigurationExitsWithCode2NamingTheKeyAndWhatIsAllowed() throws Exception {
        var run = launch(List.of("--set", "s3.bucket=lake", "--set", "spark.checkpoint.location=/cp",
                "--set", "warehouse.jdbc.url=jdbc:postgresql://h/db", "--set", "s3.scheme=gcs"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(BatchMain.EXIT_BAD_CONFIG);
        assertThat(run.output()).contains("s3.scheme", "s3a, s3, file");
    }

    record Run(int exitCode, String output) {
    }

    private static Run launch(List<String> args) throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(Files.readString(TARGET.resolve("spark-jvm-options.txt")).trim().split("\\s+")));
        command.add("-Xmx768m");
        command.add("-Dlog4j2.configurationFile=classpath:io/tributary/batch/log4j2-local.properties");
        command.add("-cp");
        command.add(TARGET.resolve("tributary-spark-batch-0.1.0-SNAPSHOT.jar") + ":"
                + Files.readString(TARGET.resolve("spark-classpath.txt")).trim());
        command.add(BatchMain.class.getName());
        command.addAll(args);
        Path log = Files.createTempFile(work, "batch-main", ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TRIBUTARY_WAREHOUSE_PASSWORD", "secret-pw");
        Process process = builder.start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("BatchMain did not finish in 4 minutes:\n" + Files.readString(log));
        }
        // kept for inspection (timings, Spark warnings) after the temp dir is gone
        Files.copy(log, TARGET.resolve("batch-main-process-" + args.size() + ".log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Run(process.exitValue(), Files.readString(log));
    }
}
