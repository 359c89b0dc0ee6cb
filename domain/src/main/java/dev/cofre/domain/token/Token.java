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
 * A vaulted card, as the merchant knows it: reference, masked number, holder, expiry, in one of
 * three states, each its own type. The sealed number itself is kept beside it by {@link Tokens}
 * and never travels with it.
 *
 * <p>{@link ActiveToken} and {@link SuspendedToken} swap; either may become a {@link RemovedToken},
 * which is final. A move that is valid only from one state is a method of that state's type
 * ({@link ActiveToken#suspend}, {@link SuspendedToken#reactivate}, ...), and reading or charging the
 * card takes an {@link ActiveToken}. {@link #changeTo} is the same moves for a token whose state is
 * not known yet (a merchant's request), with the vault's retry rule.
 *
 * <p>"Token" means this, the vaulted card, and nothing else in the vault: its handle is a
 * {@link TokenReference} (seed 004's JustClickKey), an OAuth2 bearer is an
 * {@code AccessToken}, and a single-use card token is a {@code CardToken}.
 */
public sealed interface Token permits ActiveToken, SuspendedToken, RemovedToken {

    TokenDetails details();

    TokenStatus status();

    /** The last status change: none for a token that was never changed. */
    Option<StatusChange> lastChange();

    Instant updatedAt();

    /** Bumped by every change; a store saves a change only over the version it was made from. */
    long version();

    /** A newly vaulted token at version 1. */
    static ActiveToken issue(TokenReference reference, MerchantId merchant, Option<Alias> alias,
                             Option<TokenCustomer> customer, MaskedPan card, CardHolder holder,
                             CardExpiry expiry, Fingerprint fingerprint, Instant now) {
        return new ActiveToken(new TokenDetails(reference, merchant, alias, customer, card, holder, expiry,
                fingerprint, now), Option.none(), now, 1);
    }

    /**
     * A token as a store kept it. A suspended or removed token always has the change that made it
     * so; a store row without one is corrupt, and this throws.
     */
    static Token restore(TokenDetails details, TokenStatus status, Option<StatusChange> lastChange,
                         Instant updatedAt, long version) {
        switch (status) {
            case ACTIVE:
                return new ActiveToken(details, lastChange, updatedAt, version);
            case SUSPENDED:
                return new SuspendedToken(details, lastChange.getOrElseThrow(() -> corrupt(details, status)),
                        updatedAt, version);
            case REMOVED:
                return new RemovedToken(details, lastChange.getOrElseThrow(() -> corrupt(details, status)),
                        updatedAt, version);
            default:
                throw new IllegalArgumentException("unknown status " + status);
        }
    }

    private static IllegalStateException corrupt(TokenDetails details, TokenStatus status) {
        return new IllegalStateException("token " + details.reference() + " is " + status + " with no recorded change");
    }

    /**
     * Moves this token to {@code target} as a merchant asked. Asking for the state the token is in
     * already (a retry of a change that happened) succeeds and changes nothing; a move out of
     * REMOVED is {@link VaultError.InvalidTransition}.
     */
    default Either<VaultError, TokenChange> changeTo(TokenStatus target, ChangedBy by, ChangeReason reason,
                                                     Instant at) {
        if (status() == target) {
            return Either.right(TokenChange.alreadyDone(this));
        }
        if (this instanceof ActiveToken active) {
            return Either.right(TokenChange.moved(target == TokenStatus.SUSPENDED
                    ? active.suspend(by, reason, at) : active.remove(by, reason, at)));
        }
        if (this instanceof SuspendedToken suspended) {
            return Either.right(TokenChange.moved(target == TokenStatus.ACTIVE
                    ? suspended.reactivate(by, reason, at) : suspended.remove(by, reason, at)));
        }
        return Either.left(new VaultError.InvalidTransition(status(), target.request()));
    }

    /** Only an active token's card may be read or charged. */
    default Either<VaultError, ActiveToken> active() {
        return this instanceof ActiveToken active ? Either.right(active)
                : Either.left(new VaultError.TokenNotActive(status()));
    }

    /**
     * Seed 004: a JustClickAlias sent with the JustClickKey must be this token's alias, else this
     * token is not the card asked for and the card is "not found" (724). No alias sent: it is.
     */
    default Either<VaultError, Token> identifiedBy(Option<String> justClickAlias) {
        return justClickAlias.filter(a -> !a.isEmpty()).forAll(a -> alias().exists(mine -> mine.value().equals(a)))
                ? Either.right(this)
                : Either.left(new VaultError.TokenNotFound());
    }

    /** Whether this token holds its alias: a removed token has released it. */
    default boolean holdsAlias() {
        return alias().isDefined() && !(this instanceof RemovedToken);
    }

    /** The token stops working when the card does: the last day of its expiry month. */
    default LocalDate expirationDate() {
        return expiry().lastDay();
    }

    default TokenReference reference() {
        return details().reference();
    }

    default MerchantId merchant() {
        return details().merchant();
    }

    default Option<Alias> alias() {
        return details().alias();
    }

    default Option<TokenCustomer> customer() {
        return details().customer();
    }

    default MaskedPan card() {
        return details().card();
    }

    default CardHolder holder() {
        return details().holder();
    }

    default CardExpiry expiry() {
        return details().expiry();
    }

    default Fingerprint fingerprint() {
        return details().fingerprint();
    }

    default Instant createdAt() {
        return details().createdAt();
    }
}
