package dev.cofre.domain.charge;

import dev.cofre.domain.WireName;
/** seed 002's initiated_type: why a merchant-initiated one-off charge is made. */
public enum InitiatedType implements WireName {
    PARTIAL_SHIPMENT, RELATED_OR_DELAYED_CHARGE, NO_SHOW, RETRY;
}
