package io.tributary.cli.pipeline;

import io.tributary.batch.config.BatchConfig;
import io.tributary.cli.UserFacingException;
import io.tributary.cli.config.StageConfigs;
import io.tributary.cli.stack.Reachability;
import io.tributary.stack.LogConfigs;
import io.tributary.stack.ProjectRoot;
import io.tributary.stack.PropertiesFiles;
import io.tributary.stack.process.ChildLauncher;
import io.tributary.stack.spark.SparkJobLauncher;
import io.tributary.warehouse.WarehouseConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * What every command that runs the Spark job shares ({@code batch}, {@code backfill}, {@code run}): the job's keys
 * checked here before a JVM starts, a properties file only the owner can read (it holds the warehouse password and
 * the S3 keys, which must never be on a command line), and a launcher for the built job.
 */
public final class BatchJobs {
    public static final String MAIN_CLASS = SparkJobLauncher.MAIN_CLASS;

    private BatchJobs() {
    }

    /**
     * Checks the job's keys as the job itself will (BatchMain), so a bad one fails here, naming it.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key and what is allowed
     */
    public static BatchConfig validate(Map<String, String> props) {
        BatchConfig config = new BatchConfig(props);
        WarehouseConfig.of(config.warehouseProps());
        config.s3Keys();
        return config;
    }

    /**
     * The job's configuration checked as a user's command needs it: the landing bucket and the warehouse named, every
     * key valid, the warehouse and the S3 endpoint answering.
     */
    public static BatchConfig checkForCommand(Map<String, String> props) {
        StageConfigs.require(props, BatchConfig.S3_BUCKET, "landing bucket");
        StageConfigs.require(props, WarehouseConfig.JDBC_URL, "warehouse");
        BatchConfig job = validate(props);
        Reachability.requireWarehouse(WarehouseConfig.of(job.warehouseProps()));
        if (!job.s3Endpoint().isBlank()) {
            Reachability.requireListening("S3", job.s3Endpoint(), BatchConfig.S3_ENDPOINT);
        }
        return job;
    }

    /** Writes the job's properties to {@code file} (mode 600) and returns it. */
    public static Path writeConfig(Path file, Map<String, String> props) {
        PropertiesFiles.writeSecret(file, props, "Spark job configuration (holds secrets: owner-only, never in git)");
        return file;
    }

    /** Starts Spark JVMs of the built job; their output goes to {@code logDir}, their scratch to {@code workDir}. */
    public static SparkJobLauncher launcher(Path workDir, Path logDir, String heap) {
        Path root = ProjectRoot.find("", Path.of("")).orElseThrow(() -> new UserFacingException(
                "cannot find the project root (the directory with mvnw and spark-batch) from "
                        + Path.of("").toAbsolutePath() + "; run from the repository, through ./tributary"));
        return new SparkJobLauncher(new ChildLauncher(workDir.resolve("conf"), process -> { }), root,
                workDir.resolve("spark"), logDir, LogConfigs.spark(workDir.resolve("conf")), heap);
    }
}
