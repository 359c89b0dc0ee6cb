package dev.cofre.domain.charge;

/** seed 002's recurrence_cycle: first or subsequent transaction of an external recurrence. */
public enum RecurrenceCycle {
    FIRST, SUBSEQUENT;

    public String wireName() {
        return WireNames.wireName(this);
    }
}
