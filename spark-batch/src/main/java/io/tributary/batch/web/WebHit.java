package io.tributary.batch.web;

import java.time.Instant;

/**
 * One landed web request as the sessionizer sees it (fields of the web.requests contract).
 *
 * @param json the canonical JSON, or the raw line when it could not be parsed (kept for quarantine)
 */
public record WebHit(String eventId, String site, Instant eventTime, String clientIp, String userAgent, String method,
                     String path, String query, Integer status, Long bytes, String referrer, Long responseMs,
                     String json) {

    /** Whether the request carries what sessions and web_requests need. */
    public boolean isWellFormed() {
        return eventId != null && site != null && eventTime != null && clientIp != null && method != null
                && path != null && status != null;
    }

    /** A page view, as opposed to an asset (css, js, images, fonts, favicon, robots.txt). */
    public boolean isPage() {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return !(lower.endsWith(".css") || lower.endsWith(".js") || lower.endsWith(".png") || lower.endsWith(".jpg")
                || lower.endsWith(".gif") || lower.endsWith(".svg") || lower.endsWith(".ico")
                || lower.endsWith(".woff2") || lower.endsWith(".txt"));
    }

    public boolean isSearch() {
        return path.startsWith("/search");
    }

    public boolean isHotelPage() {
        return path.startsWith("/hotel/");
    }

    /** A confirmed booking: the booking form submitted and accepted. */
    public boolean isBooking() {
        return path.endsWith("/book/confirm") && status < 400;
    }

    public boolean isError() {
        return status >= 500;
    }
}
