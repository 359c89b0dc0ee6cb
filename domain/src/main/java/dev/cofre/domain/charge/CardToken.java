package dev.cofre.domain.charge;

import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * A short-lived, single-use stand-in for a card (seed 000's card_tokens, seed 002's card_token):
 * the card and its security code, until the one use that spends it, or until it expires. Made from
 * raw card data, or from a saved card ({@code savedCard}) plus a re-captured security code.
 * At rest its number and code are sealed (see {@link StoredCardTokens}); this is the opened form.
 */
public record CardToken(CardTokenId id, MerchantId merchant, Card card, Option<SecurityCode> securityCode,
                        Option<Identification> holderIdentification, Option<CardId> savedCard,
                        Instant createdAt, Instant expiresAt) {

    /** How long a card token lives unless configured otherwise: the vendor's seven days. */
    public static final Duration LIFETIME = Duration.ofDays(7);

    public CardToken {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(card, "card");
        java.util.Objects.requireNonNull(securityCode, "securityCode");
        java.util.Objects.requireNonNull(holderIdentification, "holderIdentification");
        java.util.Objects.requireNonNull(savedCard, "savedCard");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        java.util.Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a card token expires after it is created");
        }
    }

    /** A token from raw card data, living {@link #LIFETIME} before {@code expiresAt}: the shape charges used first. */
    public CardToken(CardTokenId id, MerchantId merchant, Card card, Option<SecurityCode> securityCode, Instant expiresAt) {
        this(id, merchant, card, securityCode, Option.none(), Option.none(), expiresAt.minus(LIFETIME), expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** What may be shown of this token: never the number, never the code. */
    public MaskedCardToken masked() {
        return new MaskedCardToken(id, merchant, card.pan().masked(), card.holder(), holderIdentification,
                card.expiry(), securityCode.isDefined() ? card.brand().securityCodeLength() : 0, savedCard,
                createdAt, expiresAt, Option.none());
    }

    @Override
    public String toString() {
        return "CardToken[" + id + ", " + card + "]";
    }
}
