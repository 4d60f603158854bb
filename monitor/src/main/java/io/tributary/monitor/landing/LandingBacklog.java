package io.tributary.monitor.landing;

import java.time.Duration;

/**
 * Landed objects the micro-batch has not processed yet.
 *
 * @param landedObjects   every object under the landing prefix
 * @param processedKnown  false when no checkpoint was given: then every landed object counts as backlog
 * @param oldestAge       age of the oldest unprocessed object, {@link Duration#ZERO} when there is none
 */
public record LandingBacklog(long landedObjects, long objects, long bytes, Duration oldestAge, boolean processedKnown) {
}
