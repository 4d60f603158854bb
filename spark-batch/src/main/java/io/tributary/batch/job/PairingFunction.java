package io.tributary.batch.job;

import io.tributary.batch.pairing.CallPairer;
import io.tributary.batch.pairing.PairingEvent;
import io.tributary.batch.pairing.PairingResult;
import io.tributary.batch.pairing.PairingState;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;
import scala.Tuple2;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;

/**
 * Spark adapter of {@link CallPairer} for one (vehicle, function) group.
 *
 * <p>The query uses a processing-time timeout although pairing is about event time: with
 * {@code EventTimeTimeout} Spark drops rows older than the watermark before this function sees them, and DESIGN.md
 * wants those quarantined as {@code late}, never dropped. So this function reads the watermark itself and a group with
 * open calls asks to be called again in the next batch (timeout of 1 ms) to expire them.
 */
public final class PairingFunction implements FlatMapGroupsWithStateFunction<Tuple2<String, String>, Row, byte[], PairingOutput> {
    private static final long serialVersionUID = 1L;
    /** "call me again in any later batch": batch timestamps only grow, so 1 ms means the next batch. */
    private static final long RECHECK_AFTER_MS = 1;

    private final Duration maxCallDuration;

    public PairingFunction(Duration maxCallDuration) {
        this.maxCallDuration = maxCallDuration;
    }

    @Override
    public Iterator<PairingOutput> call(Tuple2<String, String> group, Iterator<Row> rows, GroupState<byte[]> state) {
        var events = new ArrayList<PairingEvent>();
        rows.forEachRemaining(row -> events.add(LandingEvents.toPairingEvent(row)));
        PairingState before = state.exists() ? PairingStateCodec.decode(state.get()) : PairingState.EMPTY;
        Instant watermark = Instant.ofEpochMilli(Math.max(0L, state.getCurrentWatermarkMs()));

        PairingResult result = new CallPairer(maxCallDuration).pair(before, events, watermark);

        if (result.state().isEmpty()) {
            state.remove();
        } else {
            state.update(PairingStateCodec.encode(group._1(), group._2(), result.state()));
            state.setTimeoutDuration(RECHECK_AFTER_MS);
        }
        var out = new ArrayList<PairingOutput>();
        var finalIds = new java.util.HashSet<String>();
        result.finalized().forEach(c -> finalIds.add(c.callId()));
        var upsertIds = new java.util.HashSet<String>();
        result.upserts().forEach(c -> {
            upsertIds.add(c.callId());
            out.add(PairingOutput.call(c, true, finalIds.contains(c.callId())));
        });
        result.finalized().stream().filter(c -> !upsertIds.contains(c.callId()))
                .forEach(c -> out.add(PairingOutput.call(c, false, true)));
        result.retracted().forEach(id -> out.add(PairingOutput.retract(id)));
        result.quarantined().forEach(q -> out.add(PairingOutput.quarantine(q)));
        if (!events.isEmpty() || !result.finalized().isEmpty()) {
            out.add(PairingOutput.counts(events.size(), result.duplicates(), result.finalized().size()));
        }
        return out.iterator();
    }
}
