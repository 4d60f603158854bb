package io.tributary.batch.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A session as it stands after some requests: the row web_sessions stores. {@code version} is the request count,
 * which only grows while the session lives, so the loader can refuse to let an older version replace a newer one.
 *
 * @param requestIds the ids counted so far (a repeated request is not counted twice)
 */
public record WebSession(String sessionId, String site, String visitorHash, Instant firstEventTime,
                         Instant lastEventTime, int requestCount, int pageCount, long bytes, int errorCount,
                         boolean reachedSearch, boolean reachedHotel, boolean reachedBooking, List<String> requestIds) {
    public WebSession {
        requestIds = List.copyOf(requestIds);
    }

    static WebSession start(String sessionId, String site, String visitorHash, WebHit first) {
        return new WebSession(sessionId, site, visitorHash, first.eventTime(), first.eventTime(), 1,
                first.isPage() ? 1 : 0, first.bytes() == null ? 0 : first.bytes(), first.isError() ? 1 : 0,
                first.isSearch(), first.isHotelPage(), first.isBooking(), List.of(first.eventId()));
    }

    /**
     * The session with one more request counted. The request's id is not added here: copying the id list for every
     * request made long sessions (crawlers) quadratic, so the {@link Sessionizer} sets the ids once per batch with
     * {@link #withRequestIds}.
     */
    WebSession add(WebHit hit) {
        return new WebSession(sessionId, site, visitorHash,
                hit.eventTime().isBefore(firstEventTime) ? hit.eventTime() : firstEventTime,
                hit.eventTime().isAfter(lastEventTime) ? hit.eventTime() : lastEventTime,
                requestCount + 1, pageCount + (hit.isPage() ? 1 : 0), bytes + (hit.bytes() == null ? 0 : hit.bytes()),
                errorCount + (hit.isError() ? 1 : 0), reachedSearch || hit.isSearch(),
                reachedHotel || hit.isHotelPage(), reachedBooking || hit.isBooking(), requestIds);
    }

    /** The session with these request ids, kept sorted: the state must not depend on arrival order. */
    WebSession withRequestIds(java.util.Collection<String> ids) {
        var sorted = new java.util.ArrayList<>(ids);
        sorted.sort(null);
        return new WebSession(sessionId, site, visitorHash, firstEventTime, lastEventTime, requestCount, pageCount,
                bytes, errorCount, reachedSearch, reachedHotel, reachedBooking, sorted);
    }

    public long version() {
        return requestCount;
    }

    public LocalDate eventDate() {
        return LocalDate.ofInstant(firstEventTime, ZoneOffset.UTC);
    }
}
