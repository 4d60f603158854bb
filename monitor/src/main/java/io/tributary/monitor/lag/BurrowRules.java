package io.tributary.monitor.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Burrow's consumer evaluation, adapted to what the Admin API shows (committed offsets, no commit timestamps).
 * Applied per partition to the samples of the sliding window, oldest first; the rules, in order:
 * <ol>
 *   <li>ERR — the offsets could not be read (decided by the caller: broker unreachable, group unknown).</li>
 *   <li>OK — the newest sample has no lag, or any sample in the window had none (Burrow: a consumer that caught up
 *       during the window is keeping up).</li>
 *   <li>STOP — lag &gt; 0 and the committed offset has not moved for longer than the window, and the group has no
 *       active member: nobody is consuming.</li>
 *   <li>STALL — lag &gt; 0 and the committed offset has not moved for longer than the window while the group has
 *       members: the consumer is alive but stuck on the same offset.</li>
 *   <li>WARN — the window holds at least {@value #MIN_SAMPLES_FOR_TREND} samples and lag grew between every pair of
 *       consecutive samples (the consumer moves but falls behind).</li>
 *   <li>OK — otherwise.</li>
 * </ol>
 * "Not moved for longer than the window" is measured from the first sample that saw the current committed offset,
 * so a consumer that stops is reported STALL or STOP one window (default 60 s) plus one poll interval later.
 */
public final class BurrowRules {
    public static final int MIN_SAMPLES_FOR_TREND = 3;

    private BurrowRules() {
    }

    /**
     * @param samples       the window, oldest first, not empty
     * @param committedSince when the current committed offset was first seen
     * @param hasMembers    whether the group has active members now
     */
    public static LagStatus evaluate(List<OffsetSample> samples, Instant committedSince, boolean hasMembers,
                                     Duration window, Instant now) {
        OffsetSample newest = samples.get(samples.size() - 1);
        if (newest.lag() == 0 || samples.stream().anyMatch(s -> s.lag() == 0)) {
            return LagStatus.OK;
        }
        if (Duration.between(committedSince, now).compareTo(window) > 0) {
            return hasMembers ? LagStatus.STALL : LagStatus.STOP;
        }
        if (samples.size() >= MIN_SAMPLES_FOR_TREND && lagGrowsAtEveryStep(samples)) {
            return LagStatus.WARN;
        }
        return LagStatus.OK;
    }

    private static boolean lagGrowsAtEveryStep(List<OffsetSample> samples) {
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).lag() <= samples.get(i - 1).lag()) {
                return false;
            }
        }
        return true;
    }
}
