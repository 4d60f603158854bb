package io.tributary.batch.pairing;

/** An event set aside, with the reason; it is loaded into the quarantine table, never dropped. */
public record QuarantinedEvent(QuarantineReason reason, PairingEvent event) {
}
