package dev.cofre.domain.token;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** Who asked for a status change (seed 003's RemovedBy). */
public enum ChangedBy {
    MERCHANT("Merchant"),
    CARD_HOLDER("CardHolder");

    private final String wireName;

    ChangedBy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Option<ChangedBy> fromWire(String value) {
        return List.of(values()).find(v -> v.wireName.equals(value));
    }
}
