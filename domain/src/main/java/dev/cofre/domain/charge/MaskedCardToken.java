package dev.cofre.domain.charge;

import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.MaskedPan;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A card token as it may be kept in clear and shown (seed 000's card token response): the masked
 * card, holder, expiry, the length of the security code it carries (0 for none), the saved card it
 * was made from, its dates, and when it was spent.
 */
public record MaskedCardToken(CardTokenId id, MerchantId merchant, MaskedPan card, CardHolder holder,
                              Option<Identification> holderIdentification, CardExpiry expiry,
                              int securityCodeLength, Option<CardId> savedCard, Instant createdAt,
                              Instant expiresAt, Option<Instant> spentAt) {

    public enum Status {
        ACTIVE, SPENT, EXPIRED
    }

    public MaskedCardToken {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(card, "card");
        java.util.Objects.requireNonNull(holder, "holder");
        java.util.Objects.requireNonNull(holderIdentification, "holderIdentification");
        java.util.Objects.requireNonNull(expiry, "expiry");
        java.util.Objects.requireNonNull(savedCard, "savedCard");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        java.util.Objects.requireNonNull(expiresAt, "expiresAt");
        java.util.Objects.requireNonNull(spentAt, "spentAt");
    }

    public Status status(Instant now) {
        return spentAt.isDefined() ? Status.SPENT : now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    /** Live, or why not. */
    public io.vavr.control.Either<CardTokenError, MaskedCardToken> requireActive(Instant now) {
        return switch (status(now)) {
            case ACTIVE -> io.vavr.control.Either.right(this);
            case SPENT -> io.vavr.control.Either.left(new CardTokenError.Spent());
            case EXPIRED -> io.vavr.control.Either.left(new CardTokenError.Expired());
        };
    }

    public MaskedCardToken spent(Instant at) {
        return new MaskedCardToken(id, merchant, card, holder, holderIdentification, expiry, securityCodeLength,
                savedCard, createdAt, expiresAt, Option.some(at));
    }

    /** Names the token and its masked card only: never the holder's identification. */
    @Override
    public String toString() {
        return "MaskedCardToken[" + id + ", " + card + "]";
    }
}
