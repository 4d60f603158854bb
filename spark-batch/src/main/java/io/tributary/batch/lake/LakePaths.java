package io.tributary.batch.lake;

import io.tributary.batch.config.BatchConfig;
import io.tributary.events.Topics;

/**
 * Where the job reads and writes (DESIGN.md, "The flow"): {@code <scheme>://<bucket>/landing/vehicle.events/},
 * {@code …/staging/<table>/batch=<id>/}, {@code …/processed/<table>/event_date=YYYY-MM-DD/}.
 * With {@code s3.scheme=file} the "bucket" is an absolute directory, so tests and demos run on local disk.
 */
public final class LakePaths {
    public static final String FUNCTION_CALLS_TABLE = "log_functions_analysis";

    private final String root;
    private final String bucket;
    private final String landingTopicsDir;
    private final boolean localDisk;

    public LakePaths(String scheme, String bucket, String landingTopicsDir) {
        this.bucket = bucket;
        this.root = scheme + "://" + bucket;
        this.landingTopicsDir = landingTopicsDir;
        this.localDisk = scheme.equals("file");
    }

    public static LakePaths of(BatchConfig config) {
        return new LakePaths(config.s3Scheme(), config.s3Bucket(), config.landingTopicsDir());
    }

    public String root() {
        return root;
    }

    /** The directory the file source watches; dt= partition directories below it are listed recursively. */
    public String vehicleEventsLanding() {
        return root + "/" + landingTopicsDir + "/" + Topics.VEHICLE_EVENTS + "/";
    }

    public String webRequestsLanding() {
        return root + "/" + landingTopicsDir + "/" + Topics.WEB_REQUESTS + "/";
    }

    public String stagingBatch(String table, String loadBatchId) {
        return root + "/staging/" + table + "/batch=" + loadBatchId + "/";
    }

    /** Scratch space of one batch while its processed files are written; removed once they are published. */
    public String publishScratch(String table, String loadBatchId) {
        return root + "/staging/" + table + "/_publish/batch=" + loadBatchId + "/";
    }

    public String processedTable(String table) {
        return root + "/processed/" + table + "/";
    }

    /**
     * The {@code s3://} form Redshift COPY understands for a lake path (S3A and EMRFS name the same object
     * {@code s3a://b/k} and {@code s3://b/k}).
     */
    public String redshiftUrl(String lakePath) {
        // Hadoop prints file:///d as file:/d, so compare paths, not strings
        String path = java.net.URI.create(lakePath).getPath();
        String bucketPath = localDisk ? bucket : "";
        if (!path.startsWith(bucketPath + "/")) {
            throw new IllegalArgumentException(lakePath + " is not under the lake root " + root);
        }
        return "s3://" + bucket + path.substring(bucketPath.length());
    }
}
