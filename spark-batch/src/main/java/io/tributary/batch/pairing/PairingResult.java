package io.tributary.batch.pairing;

import java.util.List;

/** The outcome of pairing one group's events of one micro-batch. */
public record PairingResult(List<PairedCall> calls, List<QuarantinedEvent> quarantined, int duplicates,
                            PairingState state) {
    public PairingResult {
        calls = List.copyOf(calls);
        quarantined = List.copyOf(quarantined);
    }
}
