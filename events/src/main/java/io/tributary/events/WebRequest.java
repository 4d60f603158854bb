package io.tributary.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The canonical web request of topic {@link Topics#WEB_REQUESTS}: one access-log line of one site.
 *
 * @param query       the query string without '?', null when the URL had none
 * @param bytes       response size; null when the log said "-"
 * @param referrer    null when the log said "-"
 * @param responseMs  response time in milliseconds when the line carried one, else null
 * @param ingestTime  when the pipeline took the raw line in (its Kafka timestamp), for freshness
 */
public record WebRequest(
        String eventId,
        String site,
        Instant eventTime,
        String clientIp,
        String userAgent,
        String method,
        String path,
        String query,
        int status,
        Long bytes,
        String referrer,
        Long responseMs,
        Instant ingestTime) {

    public WebRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(ingestTime, "ingestTime");
    }
}
