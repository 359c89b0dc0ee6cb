package dev.cofre.domain.charge;

import dev.cofre.domain.WireName;

/** A charge's status as the orders API prints it. Always derived from its last transaction, never stored. */
public enum ChargeStatus implements WireName {
    PENDING, PROCESSING, PAID, CANCELED, FAILED;
}
