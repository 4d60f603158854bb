package io.tributary.batch;

import io.tributary.batch.config.BatchConfig;
import io.tributary.batch.config.ConfigSources;
import io.tributary.batch.job.BatchJob;
import io.tributary.batch.job.SparkSessions;
import io.tributary.warehouse.WarehouseConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of the Spark job (local child JVM or spark-submit):
 * {@code BatchMain [--config FILE] [--set key=value]...}. Exit codes: 0 done (available-now) or stopped, 1 the query
 * failed, 2 bad configuration.
 */
public final class BatchMain {
    private static final Logger LOG = LoggerFactory.getLogger(BatchMain.class);
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_CONFIG = 2;
    static final int STOP_QUERIES_HOOK_PRIORITY = 100;

    private BatchMain() {
    }

    public static void main(String[] args) {
        BatchConfig config;
        try {
            config = parse(Arrays.asList(args), System.getenv());
        } catch (ConfigException e) {
            // the CLI's own error channel: the message names the key and what is allowed
            System.err.println("tributary batch: bad configuration: " + e.getMessage());
            LOG.error("bad configuration: {}", e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        }
        LOG.info("starting with {}", config.describe());
        SparkSession spark = SparkSessions.forBatch(config);
        var job = new BatchJob(config, spark);
        Runnable hook = () -> {
            try {
                LOG.info("stopping the queries (SIGTERM); an interrupted batch is run again on the next start");
                job.stop();
            } catch (Exception e) {
                LOG.warn("could not stop the query cleanly: {}", e.toString());
            }
        };
        // Hadoop's hook manager, above Spark's own hooks (priority 40 and below): the queries stop while the
        // SparkContext still runs, instead of failing on a context Spark's hook already stopped
        ShutdownHookManager.get().addShutdownHook(hook, STOP_QUERIES_HOOK_PRIORITY);
        int exit = 0;
        try {
            var outcomes = job.run();
            LOG.info("done: {} batch(es)", outcomes.size());
        } catch (Exception e) {
            LOG.error("the batch query failed", e);
            exit = EXIT_FAILED;
        } finally {
            spark.stop();
        }
        if (!ShutdownHookManager.get().isShutdownInProgress()) {
            ShutdownHookManager.get().removeShutdownHook(hook);
        }
        System.exit(exit);
    }

    /** Gathers and validates the configuration; also checks the warehouse keys so a typo fails before Spark starts. */
    public static BatchConfig parse(List<String> args, Map<String, String> env) {
        Set<String> known = new HashSet<>(BatchConfig.CONFIG.names());
        known.addAll(WarehouseConfig.CONFIG_DEF.names());
        BatchConfig config = new BatchConfig(ConfigSources.load(args, env, known));
        WarehouseConfig.of(config.warehouseProps());
        config.s3Keys();
        return config;
    }
}
