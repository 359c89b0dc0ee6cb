package dev.cofre.domain.token;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** Why a status changed (seed 003's Reason). */
public enum ChangeReason {
    FRAUD_SUSPICION("FraudSuspicion"),
    OTHER("Other");

    private final String wireName;

    ChangeReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Option<ChangeReason> fromWire(String value) {
        return List.of(values()).find(v -> v.wireName.equals(value));
    }
}
