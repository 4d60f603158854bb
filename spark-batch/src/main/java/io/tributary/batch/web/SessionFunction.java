package io.tributary.batch.web;

import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;
import scala.Tuple3;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Optional;

/**
 * Spark adapter of {@link Sessionizer} for one (site, visitor) group. Like the pairing operator it uses a
 * processing-time timeout of 1 ms while a session is open, so the group is called in the next batch with data and its
 * session leaves the state once the watermark has passed its last request + the inactivity gap.
 */
public final class SessionFunction implements FlatMapGroupsWithStateFunction<Tuple3<String, String, String>, Row, SessionStateBean, WebOutput> {
    private static final long serialVersionUID = 1L;
    private static final long RECHECK_AFTER_MS = 1;

    private final Duration inactivity;

    public SessionFunction(Duration inactivity) {
        this.inactivity = inactivity;
    }

    @Override
    public Iterator<WebOutput> call(Tuple3<String, String, String> group, Iterator<Row> rows, GroupState<SessionStateBean> state) {
        var out = new ArrayList<WebOutput>();
        var hits = new ArrayList<WebHit>();
        rows.forEachRemaining(row -> {
            WebHit hit = WebLanding.toHit(row);
            if (hit.isWellFormed()) {
                hits.add(hit);
            } else {
                out.add(WebOutput.malformed(hit));
            }
        });
        Optional<WebSession> open = state.exists() ? Optional.of(state.get().toSession()) : Optional.empty();
        Instant watermark = Instant.ofEpochMilli(Math.max(0L, state.getCurrentWatermarkMs()));
        Sessionizer.Result result = new Sessionizer(inactivity).sessionize(open, hits, watermark);
        if (result.open().isPresent()) {
            state.update(SessionStateBean.of(result.open().get()));
            state.setTimeoutDuration(RECHECK_AFTER_MS);
        } else if (state.exists()) {
            state.remove();
        }
        result.requests().forEach(r -> out.add(WebOutput.request(r)));
        result.sessions().forEach(s -> out.add(WebOutput.session(s)));
        return out.iterator();
    }
}
