package io.tributary.batch.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions of one (site, visitor) group, where a visitor is a hash of client IP and user agent: requests in event-time
 * order, a gap of more than {@code inactivity} (30 min) starts a new session. The open session is carried across
 * micro-batches, so a session that continues in a later batch keeps its session_id (a hash of site, visitor and its
 * first request's id) and its row is emitted again with a higher version. Pure Java and deterministic.
 *
 * <p>Out-of-order requests within the open session's span (or up to one gap before it) join it; a request older
 * than that belongs to a session that has already been closed and becomes a session of its own.
 */
public final class Sessionizer {
    private static final Comparator<WebHit> ORDER = Comparator.comparing(WebHit::eventTime)
            .thenComparing(WebHit::eventId);

    private final Duration inactivity;

    public Sessionizer(Duration inactivity) {
        this.inactivity = inactivity;
    }

    /** What one batch of a group produced. */
    public record Result(List<AssignedHit> requests, List<WebSession> sessions, int duplicates,
                         Optional<WebSession> open) {
    }

    /** A request with the session it belongs to. */
    public record AssignedHit(WebHit hit, String sessionId) {
    }

    /**
     * @param open      the group's open session after the previous batch
     * @param hits      this batch's well-formed requests of the group, any order (may be empty: a timeout call)
     * @param watermark event-time watermark: an open session whose last request is more than the inactivity gap
     *                  before it is over and leaves the state (its row was emitted when it last changed)
     */
    public Result sessionize(Optional<WebSession> open, List<WebHit> hits, Instant watermark) {
        var sorted = new ArrayList<>(hits);
        sorted.sort(ORDER);
        var requests = new ArrayList<AssignedHit>();
        Map<String, WebSession> changed = new LinkedHashMap<>();
        WebSession current = open.orElse(null);
        var seen = new HashSet<String>(current == null ? List.of() : current.requestIds());
        int duplicates = 0;
        for (WebHit hit : sorted) {
            if (current != null && seen.contains(hit.eventId())) {
                duplicates++;
                continue;
            }
            if (current != null && hit.eventTime().isBefore(current.firstEventTime().minus(inactivity))) {
                // belongs to an earlier, already closed session of this visitor
                var past = WebSession.start(sessionId(hit), hit.site(), visitorHash(hit), hit);
                changed.put(past.sessionId(), past);
                requests.add(new AssignedHit(hit, past.sessionId()));
                continue;
            }
            if (current == null || Duration.between(current.lastEventTime(), hit.eventTime()).compareTo(inactivity) > 0) {
                if (current != null && changed.containsKey(current.sessionId())) {
                    changed.put(current.sessionId(), current.withRequestIds(seen));
                }
                current = WebSession.start(sessionId(hit), hit.site(), visitorHash(hit), hit);
                seen.clear();
            } else {
                current = current.add(hit);
            }
            seen.add(hit.eventId());
            changed.put(current.sessionId(), current);
            requests.add(new AssignedHit(hit, current.sessionId()));
        }
        if (current != null && changed.containsKey(current.sessionId())) {
            current = current.withRequestIds(seen);
            changed.put(current.sessionId(), current);
        }
        Optional<WebSession> stillOpen = current == null
                || current.lastEventTime().plus(inactivity).isBefore(watermark) ? Optional.empty() : Optional.of(current);
        var sessions = new ArrayList<>(changed.values());
        sessions.sort(Comparator.comparing(WebSession::sessionId));
        return new Result(requests, sessions, duplicates, stillOpen);
    }

    /** 32 hex chars of SHA-256(client_ip, user_agent): the visitor without keeping the raw IP in sessions. */
    public static String visitorHash(WebHit hit) {
        return sha256(hit.clientIp() + '\u001f' + (hit.userAgent() == null ? "" : hit.userAgent())).substring(0, 32);
    }

    private static String sessionId(WebHit first) {
        return sha256(first.site() + '\u001f' + visitorHash(first) + '\u001f' + first.eventId()).substring(0, 32);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
