package dev.cofre.domain.token;

import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.MaskedPan;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Instant;

/** What a vaulted card's token is, in every state: whose it is, its handle, alias, masked card and holder. */
public record TokenDetails(TokenReference reference, MerchantId merchant, Option<Alias> alias,
                           Option<TokenCustomer> customer, MaskedPan card, CardHolder holder, CardExpiry expiry,
                           Fingerprint fingerprint, Instant createdAt) {

    public TokenDetails {
        java.util.Objects.requireNonNull(reference, "reference");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(alias, "alias");
        java.util.Objects.requireNonNull(customer, "customer");
        java.util.Objects.requireNonNull(card, "card");
        java.util.Objects.requireNonNull(holder, "holder");
        java.util.Objects.requireNonNull(expiry, "expiry");
        java.util.Objects.requireNonNull(fingerprint, "fingerprint");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same token owned by another merchant: for tests that a store keeps merchants apart. */
    public TokenDetails ownedBy(MerchantId other) {
        return new TokenDetails(reference, other, alias, customer, card, holder, expiry, fingerprint, createdAt);
    }
}
