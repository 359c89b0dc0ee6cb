package dev.cofre.domain.charge;

/** A charge's status as the orders API prints it. Always derived from its last transaction, never stored. */
public enum ChargeStatus {
    PENDING, PROCESSING, PAID, CANCELED, FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
