package io.tributary.producers.web;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a web simulator run emitted.
 *
 * @param lines           access-log lines emitted
 * @param linesPerSite    lines per site (sorted)
 * @param sessions        visitor and crawler sessions started
 * @param crawlerLines    lines of crawler sessions
 * @param searches        funnel step 1 requests (search pages)
 * @param hotelPages      funnel step 2 requests (hotel pages)
 * @param bookings        funnel step 3 requests (booking confirmations)
 * @param clientErrors    4xx responses
 * @param serverErrors    5xx responses
 * @param slow            responses of 2 s or more
 */
public record WebTruth(long lines, Map<String, Long> linesPerSite, long sessions, long crawlerLines, long searches,
                       long hotelPages, long bookings, long clientErrors, long serverErrors, long slow) {
    public WebTruth {
        linesPerSite = Collections.unmodifiableMap(new TreeMap<>(linesPerSite));
    }
}
