package io.tributary.monitor.landing;

import io.tributary.events.LandingLayout;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Lists the landing zone and subtracts what the micro-batch's checkpoint says it processed. */
public final class LandingBacklogReader {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final SparkFileSourceLog processed;
    private final Clock clock;

    /** @param processed null when the checkpoint is not known (every landed object is then backlog) */
    public LandingBacklogReader(S3Client s3, String bucket, String topicsDir, SparkFileSourceLog processed,
                                Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = topicsDir + "/";
        this.processed = processed;
        this.clock = clock;
    }

    public LandingBacklog read() {
        Set<String> done = processed == null ? Set.of() : processed.processedKeys();
        long landed = 0;
        long objects = 0;
        long bytes = 0;
        Instant oldest = null;
        var request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
        for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
            if (!isDataObject(object.key().substring(prefix.length()))) {
                continue;
            }
            landed++;
            if (done.contains(object.key())) {
                continue;
            }
            objects++;
            bytes += object.size();
            if (oldest == null || object.lastModified().isBefore(oldest)) {
                oldest = object.lastModified();
            }
        }
        Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
        return new LandingBacklog(landed, objects, bytes, age.isNegative() ? Duration.ZERO : age, processed != null);
    }

    /**
     * Whether Spark's file source would read this object: a {@code .jsonl.gz} landing file (its path filter; not a
     * directory marker, nor the {@code key-<uuid>} name s3proxy lists while a write is in flight) with no path segment
     * hidden by Hadoop's rule (starting with '_' or '.', e.g. the sink's {@code _staging/} uploads). Counting the
     * others would report a backlog that never drains.
     *
     * @param relativeKey the key below the landing prefix
     */
    static boolean isDataObject(String relativeKey) {
        if (!relativeKey.endsWith("." + LandingLayout.JSONL_GZ)) {
            return false;
        }
        for (String segment : relativeKey.split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
