package dev.cofre.domain.token;

import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.MaskedPan;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A vaulted card, as the merchant knows it: reference, masked number, holder, expiry, status.
 * The sealed number itself is kept beside it by {@link Tokens} and never travels with it.
 *
 * <p>Status moves ACTIVE -> SUSPENDED -> ACTIVE, and ACTIVE|SUSPENDED -> REMOVED, which is final.
 * Every transition returns a new token with its {@code version} bumped, or a {@link VaultError}.
 */
public record Token(TokenReference reference, MerchantId merchant, Option<Alias> alias,
                    Option<TokenCustomer> customer, MaskedPan card, CardHolder holder, CardExpiry expiry,
                    Fingerprint fingerprint, TokenStatus status, Option<StatusChange> lastChange,
                    Instant createdAt, Instant updatedAt, long version) {

    public Token {
        java.util.Objects.requireNonNull(reference, "reference");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(alias, "alias");
        java.util.Objects.requireNonNull(customer, "customer");
        java.util.Objects.requireNonNull(card, "card");
        java.util.Objects.requireNonNull(holder, "holder");
        java.util.Objects.requireNonNull(expiry, "expiry");
        java.util.Objects.requireNonNull(fingerprint, "fingerprint");
        java.util.Objects.requireNonNull(status, "status");
        java.util.Objects.requireNonNull(lastChange, "lastChange");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        java.util.Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A newly vaulted, ACTIVE token at version 1. */
    public static Token issue(TokenReference reference, MerchantId merchant, Option<Alias> alias,
                              Option<TokenCustomer> customer, MaskedPan card, CardHolder holder,
                              CardExpiry expiry, Fingerprint fingerprint, Instant now) {
        return new Token(reference, merchant, alias, customer, card, holder, expiry, fingerprint,
                TokenStatus.ACTIVE, Option.none(), now, now, 1);
    }

    /** The token stops working when the card does: the last day of its expiry month. */
    public LocalDate expirationDate() {
        return expiry.lastDay();
    }

    public boolean isActive() {
        return status == TokenStatus.ACTIVE;
    }

    /** Whether this token holds its alias: a removed token has released it. */
    public boolean holdsAlias() {
        return alias.isDefined() && status != TokenStatus.REMOVED;
    }

    public Either<VaultError, Token> suspend(ChangedBy by, ChangeReason reason, Instant at) {
        if (status != TokenStatus.ACTIVE) {
            return Either.left(new VaultError.InvalidTransition(status, "suspend"));
        }
        return Either.right(moveTo(TokenStatus.SUSPENDED, by, reason, at));
    }

    public Either<VaultError, Token> reactivate(ChangedBy by, ChangeReason reason, Instant at) {
        if (status != TokenStatus.SUSPENDED) {
            return Either.left(new VaultError.InvalidTransition(status, "reactivate"));
        }
        return Either.right(moveTo(TokenStatus.ACTIVE, by, reason, at));
    }

    /** Final: the caller's store destroys the sealed number in the same write. */
    public Either<VaultError, Token> remove(ChangedBy by, ChangeReason reason, Instant at) {
        if (status == TokenStatus.REMOVED) {
            return Either.left(new VaultError.InvalidTransition(status, "remove"));
        }
        return Either.right(moveTo(TokenStatus.REMOVED, by, reason, at));
    }

    /** Only an ACTIVE token's card may be read or charged. */
    public Either<VaultError, Token> requireActive() {
        return isActive() ? Either.right(this) : Either.left(new VaultError.TokenNotActive(status));
    }

    private Token moveTo(TokenStatus to, ChangedBy by, ChangeReason reason, Instant at) {
        return new Token(reference, merchant, alias, customer, card, holder, expiry, fingerprint, to,
                Option.some(new StatusChange(to, by, reason, at)), createdAt, at, version + 1);
    }
}
