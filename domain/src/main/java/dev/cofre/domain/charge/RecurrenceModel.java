package dev.cofre.domain.charge;

import dev.cofre.domain.WireName;
/** seed 002's recurrence_model. */
public enum RecurrenceModel implements WireName {
    STANDING_ORDER, INSTALMENT, SUBSCRIPTION;
}
