package dev.cofre.domain.charge;

import dev.cofre.domain.WireName;
/** seed 002's recurrence_cycle: first or subsequent transaction of an external recurrence. */
public enum RecurrenceCycle implements WireName {
    FIRST, SUBSEQUENT;
}
