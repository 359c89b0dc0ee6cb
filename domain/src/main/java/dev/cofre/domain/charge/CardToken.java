package dev.cofre.domain.charge;

import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * A short-lived, single-use stand-in for a card (seed 002's card_token): the card and its security
 * code, held in memory only until the one authorization that uses it, or until it expires.
 */
public record CardToken(CardTokenId id, MerchantId merchant, Card card, Option<SecurityCode> securityCode,
                        Instant expiresAt) {

    /** How long a card token lives unless said otherwise. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    public CardToken {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(card, "card");
        java.util.Objects.requireNonNull(securityCode, "securityCode");
        java.util.Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "CardToken[" + id + ", " + card + "]";
    }
}
