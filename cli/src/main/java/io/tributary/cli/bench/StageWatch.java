package io.tributary.cli.bench;

import io.tributary.cli.pipeline.LocalPipeline;
import io.tributary.cli.pipeline.PipelineCounts;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls the pipeline's counters and records, once, the moment each stage has handled every line: Streams when
 * parsed + dead-lettered reach the lines published, the sink when every committed canonical offset is landed, the
 * load when the warehouse holds every expected call. Times are nanoTime values, 0 until reached.
 */
final class StageWatch {
    private final LocalPipeline pipeline;
    private final long events;
    private final long calls;
    private final int partitions;
    volatile long streamsDoneNanos;
    volatile long landedNanos;
    volatile long loadedNanos;
    final AtomicReference<PipelineCounts> last = new AtomicReference<>();

    StageWatch(LocalPipeline pipeline, long events, long calls, int partitions) {
        this.pipeline = pipeline;
        this.partitions = partitions;
        this.events = events;
        this.calls = calls;
    }

    /** One poll; returns true once every stage is done. */
    boolean poll() {
        PipelineCounts c = pipeline.counts();
        long now = System.nanoTime();
        last.set(c);
        if (streamsDoneNanos == 0 && c.parsed() + c.deadLettered() >= events) {
            streamsDoneNanos = now;
        }
        // once Streams has handled every line, the sink has landed everything committed when its committed offsets
        // reach the read-committed end offsets, except for the transaction marker that ends each partition of an
        // exactly-once topic: the sink commits the offset after its last record, which is the marker's, so a gap
        // of up to one offset per partition remains for good (measured: the demo's "landed 100.0%" is such a gap)
        if (streamsDoneNanos != 0 && landedNanos == 0 && c.canonicalEndOffset() > 0 && c.landingLag() <= partitions) {
            landedNanos = now;
        }
        if (loadedNanos == 0 && c.callsLoaded() >= calls) {
            loadedNanos = now;
            if (landedNanos == 0) {
                landedNanos = now; // landing must have finished for the load to complete; the poll just missed it
            }
            if (streamsDoneNanos == 0) {
                streamsDoneNanos = now;
            }
        }
        return loadedNanos != 0;
    }
}
