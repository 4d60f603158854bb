package io.tributary.batch.job;

import io.tributary.batch.config.BatchConfig;
import io.tributary.batch.lake.S3aSettings;
import org.apache.spark.sql.SparkSession;

/** The Spark session of the batch job, with the settings the pairing and the lake layout rely on. */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession forBatch(BatchConfig config) {
        SparkSession.Builder builder = SparkSession.builder().appName("tributary-batch");
        // spark-submit passes --master and --conf as system properties: those win over our defaults
        if (System.getProperty("spark.master") == null) {
            builder.master(config.sparkMaster());
        }
        if (System.getProperty("spark.sql.shuffle.partitions") == null) {
            builder.config("spark.sql.shuffle.partitions", config.shufflePartitions());
        }
        if (System.getProperty("spark.sql.streaming.stateStore.providerClass") == null) {
            // pairing keeps an hour of pending events per group and sessions their request ids: in RocksDB (off the
            // heap, on local disk) rather than in the default provider's on-heap maps, of which Spark keeps two
            // versions per partition, so state size does not compete with batches for the driver's heap
            builder.config("spark.sql.streaming.stateStore.providerClass",
                    "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider");
        }
        if (System.getProperty("spark.ui.enabled") == null && config.sparkMaster().startsWith("local")) {
            builder.config("spark.ui.enabled", false);
        }
        builder
                // event_date and the landing dt= dates are UTC days
                .config("spark.sql.session.timeZone", "UTC")
                // timestamps arrive as java.time.Instant (microseconds kept, no JVM time zone involved)
                .config("spark.sql.datetime.java8API.enabled", true)
                .config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
                // the pairing operator uses a processing-time timeout, for which Spark would otherwise run empty
                // batches forever, and Trigger.AvailableNow would never end (PairingFunction says why)
                .config("spark.sql.streaming.noDataMicroBatches.enabled", false)
                // a batch is cached only while foreachBatch writes it out: compressing the cache cost more CPU
                // (dictionary statistics per column) than it saved
                .config("spark.sql.inMemoryColumnarStorage.compressed", false)
                // int64 microseconds instead of legacy INT96: exact, and what Redshift COPY and other readers expect
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        S3aSettings.hadoopProperties(config).forEach((key, value) -> builder.config("spark.hadoop." + key, value));
        return builder.getOrCreate();
    }
}
