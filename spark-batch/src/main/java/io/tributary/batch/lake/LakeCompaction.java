package io.tributary.batch.lake;

import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the processed zone is compacted: every {@code lake.compact.every.batches} micro-batches of a query, the dates
 * it wrote since the last compaction, and once more when a run-to-completion job ends. Dates written before a restart
 * are compacted when a batch writes them again.
 */
public final class LakeCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(LakeCompaction.class);

    private final BatchPublisher publisher;
    private final LakeCompactor compactor;
    private final int everyBatches;

    public LakeCompaction(BatchPublisher publisher, LakeCompactor compactor, int everyBatches) {
        this.publisher = publisher;
        this.compactor = compactor;
        this.everyBatches = everyBatches;
    }

    /**
     * After a batch's lake write and warehouse commit.
     *
     * @param key         the table's key column, rows are deduplicated by it
     * @param loadBatchId the batch's files are not compacted: a replay of the batch writes them again
     */
    public void afterBatch(String table, String key, long sparkBatchId, String loadBatchId) {
        if (everyBatches > 0 && (sparkBatchId + 1) % everyBatches == 0) {
            compact(table, key, "part-" + loadBatchId + "-");
        }
    }

    /** When the query has ended: every batch is committed, nothing will be replayed. */
    public void atEnd(String table, String key) {
        if (everyBatches > 0) {
            compact(table, key, "\u0000"); // excludes nothing
        }
    }

    private void compact(String table, String key, String excludePrefix) {
        for (Path partition : publisher.takeTouched(table)) {
            try {
                compactor.compact(partition, key, excludePrefix);
            } catch (RuntimeException e) {
                // a failed compaction leaves the partition as it was (or a journal the next one finishes); the
                // batch itself is committed and must not fail for it, so it is retried at the next compaction
                LOG.warn("compaction of {} failed, retried at the next compaction: {}", partition, e.toString());
                publisher.touch(table, partition);
            }
        }
    }
}
