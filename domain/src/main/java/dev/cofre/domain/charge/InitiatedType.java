package dev.cofre.domain.charge;

/** seed 002's initiated_type: why a merchant-initiated one-off charge is made. */
public enum InitiatedType {
    PARTIAL_SHIPMENT, RELATED_OR_DELAYED_CHARGE, NO_SHOW, RETRY;

    public String wireName() {
        return WireNames.wireName(this);
    }
}
