package dev.cofre.domain.token;

import dev.cofre.domain.WireName;

/** Why a status changed (seed 003's Reason: {@code FraudSuspicion}, {@code Other}). */
public enum ChangeReason implements WireName {
    FRAUD_SUSPICION, OTHER;

    @Override
    public String wireName() {
        return WireName.pascalCase(this);
    }
}
