package io.tributary.batch.pairing;

import java.util.List;

/**
 * The outcome of pairing one group's events of one micro-batch.
 *
 * @param upserts     calls to write (new, or changed since they were last loaded), final or provisional
 * @param finalized   calls that became final in this batch (their events are all older than the watermark, so no
 *                    event within the allowed lateness can change them any more): what the processed zone keeps
 * @param retracted   ids of provisional calls loaded earlier that no longer exist (re-pairing opened them again, or
 *                    their START timed out): to delete
 * @param quarantined events set aside for good (late, malformed; unmatched_end/unmatched_start once final)
 * @param duplicates  events whose id was already pending (counted, never paired twice)
 */
public record PairingResult(List<PairedCall> upserts, List<PairedCall> finalized, List<String> retracted,
                            List<QuarantinedEvent> quarantined, int duplicates, PairingState state) {
    public PairingResult {
        upserts = List.copyOf(upserts);
        finalized = List.copyOf(finalized);
        retracted = List.copyOf(retracted);
        quarantined = List.copyOf(quarantined);
    }
}
