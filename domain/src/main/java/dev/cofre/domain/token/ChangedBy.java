package dev.cofre.domain.token;

import dev.cofre.domain.WireName;

/** Who asked for a status change (seed 003's RemovedBy: {@code Merchant}, {@code CardHolder}). */
public enum ChangedBy implements WireName {
    MERCHANT, CARD_HOLDER;

    @Override
    public String wireName() {
        return WireName.pascalCase(this);
    }
}
