package dev.cofre.domain.customer;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A merchant's customer (seed 000): its profile, and which of its saved cards is the default. The
 * cards themselves are vault tokens linked to it ({@link SavedCard}); {@link Wallet} holds the
 * rules that tie the two together. Every change bumps {@code version}, which the store checks.
 */
public record Customer(CustomerId id, MerchantId merchant, CustomerProfile profile, Option<CardId> defaultCard,
                       Instant createdAt, Instant updatedAt, long version) {

    public Customer {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(profile, "profile");
        java.util.Objects.requireNonNull(defaultCard, "defaultCard");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        java.util.Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new customer at version 1, with no card. */
    public static Customer register(CustomerId id, MerchantId merchant, CustomerProfile profile, Instant now) {
        return new Customer(id, merchant, profile, Option.none(), now, now, 1);
    }

    public Email email() {
        return profile.email();
    }

    public Customer withProfile(CustomerProfile changed, Instant at) {
        return new Customer(id, merchant, changed, defaultCard, createdAt, at, version + 1);
    }

    /** Package-private: only {@link Wallet} decides which card is the default. */
    Customer withDefaultCard(Option<CardId> card, Instant at) {
        return new Customer(id, merchant, profile, card, createdAt, at, version + 1);
    }
}
