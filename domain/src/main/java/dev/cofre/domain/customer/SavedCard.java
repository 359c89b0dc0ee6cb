package dev.cofre.domain.customer;

import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Fingerprint;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A card saved for a customer: the link between a customer and the vault token that holds the card
 * (there is no second card store). Its id is the card id seed 000 prints; its fingerprint is the
 * token's, kept here so that the store can refuse the same card twice for one customer; the
 * holder's identification is the one given with the card token it was saved from.
 */
public record SavedCard(CardId id, MerchantId merchant, CustomerId customer, TokenReference token,
                        Fingerprint fingerprint, Option<Identification> holderIdentification, Instant createdAt) {

    public SavedCard {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(customer, "customer");
        java.util.Objects.requireNonNull(token, "token");
        java.util.Objects.requireNonNull(fingerprint, "fingerprint");
        java.util.Objects.requireNonNull(holderIdentification, "holderIdentification");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Ids only: never the fingerprint or the holder's identification. */
    @Override
    public String toString() {
        return "SavedCard[" + id + ", customer " + customer + ", token " + token + "]";
    }
}
