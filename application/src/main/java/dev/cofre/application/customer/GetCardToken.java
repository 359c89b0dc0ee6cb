package dev.cofre.application.customer;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;

/**
 * A card token as it may be shown (the vendor's GET /v1/card_tokens/{id}, which its Java SDK calls),
 * live, spent or expired until the sweeper deletes it; a malformed, unknown or foreign id is not found.
 */
public final class GetCardToken {

    private final CardTokens cardTokens;

    GetCardToken(CardTokens cardTokens) {
        this.cardTokens = cardTokens;
    }

    public Either<DomainError, MaskedCardToken> get(MerchantId merchant, String id) {
        return CardTokenId.parse("id", id).toOption()
                .flatMap(tokenId -> cardTokens.find(merchant, tokenId))
                .toEither(new CardTokenError.NotFound());
    }
}
