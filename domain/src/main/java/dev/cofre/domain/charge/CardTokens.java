package dev.cofre.domain.charge;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Single-use card tokens, as the use cases see them: opened. Every read is scoped by merchant.
 * Implementations that persist them seal the number and the security code at rest (see
 * {@link StoredCardTokens}); any server sharing the store can spend a token, once.
 */
public interface CardTokens {

    void issue(CardToken token);

    /** The token as it may be shown, in any state until it is swept away; another merchant's is absent. */
    Option<MaskedCardToken> find(MerchantId merchant, CardTokenId id);

    /**
     * The live token without using it up, and without its security code, which only
     * {@link #redeem} releases. Unknown or another merchant's, spent, expired: the matching error.
     */
    Either<CardTokenError, CardToken> peek(MerchantId merchant, CardTokenId id, Instant now);

    /**
     * Spends the token for its one use, atomically across every server: of concurrent redeems of one
     * id exactly one gets it; the rest get {@link CardTokenError.Spent}. The stored security code is
     * destroyed in the same write.
     */
    Either<CardTokenError, CardToken> redeem(MerchantId merchant, CardTokenId id, Instant now);

    /** Deletes every token that expired before {@code now}, spent or not; how many. */
    int sweepExpired(Instant now);
}
