package dev.cofre.domain.charge;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Card tokens at rest: the masked token in clear and its secrets sealed. Shared by every server
 * on the store, so a token issued by one can be spent by another, once.
 */
public interface StoredCardTokens {

    /** A token spent just now, with the secrets it held. */
    record Spent(MaskedCardToken token, SealedCardToken sealed) {
    }

    void add(MaskedCardToken token, SealedCardToken sealed);

    /** The token in any state (live, spent, expired but not yet swept); another merchant's is absent. */
    Option<MaskedCardToken> find(MerchantId merchant, CardTokenId id);

    /** The sealed secrets of a token that is not spent. */
    Option<SealedCardToken> sealed(MerchantId merchant, CardTokenId id);

    /**
     * Marks the live token spent at {@code now} and destroys its sealed secrets in the same write,
     * returning them to this caller alone: of concurrent spends of one id, across servers, exactly
     * one succeeds.
     */
    Either<CardTokenError, Spent> spend(MerchantId merchant, CardTokenId id, Instant now);

    /** Deletes every token whose expiry is at or before {@code now}; how many. */
    int sweepExpired(Instant now);

    /** A token's sealed secrets, as key rotation sees them: across merchants, by key version. */
    record Wrapped(MerchantId merchant, CardTokenId id, SealedCardToken sealed) {
    }

    /** Up to {@code limit} unspent tokens whose data key is wrapped under a key-encryption key older than {@code version}. */
    io.vavr.collection.List<Wrapped> wrappedBefore(int version, int limit);

    /** How many unspent tokens have a data key wrapped under a key older than {@code version}. */
    long countWrappedBefore(int version);

    /**
     * Replaces {@code expected}'s sealed secrets with {@code rewrapped} if the row still holds them
     * (the token may have been spent or swept meanwhile); returns whether it did.
     */
    boolean replace(Wrapped expected, SealedCardToken rewrapped);
}
