package io.tributary.producers.fleet;

import java.time.Instant;

/**
 * A call the simulator generated, as the pairing stage must reconstruct it (DESIGN.md, Pairing).
 *
 * @param depth open calls of the same (vehicle, function) below this one; 0 = outermost
 */
public record ExpectedCall(String vehicleId, String functionName, Instant start, Instant end, int depth) {
}
