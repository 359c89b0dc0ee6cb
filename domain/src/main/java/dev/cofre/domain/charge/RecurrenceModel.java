package dev.cofre.domain.charge;

/** seed 002's recurrence_model. */
public enum RecurrenceModel {
    STANDING_ORDER, INSTALMENT, SUBSCRIPTION;

    public String wireName() {
        return WireNames.wireName(this);
    }
}
