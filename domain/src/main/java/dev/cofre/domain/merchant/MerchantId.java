package dev.cofre.domain.merchant;

import java.util.UUID;

/** Identifies a merchant. Every lookup in Cofre is scoped by one. */
public record MerchantId(UUID value) {

    public MerchantId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static MerchantId of(String value) {
        return new MerchantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
