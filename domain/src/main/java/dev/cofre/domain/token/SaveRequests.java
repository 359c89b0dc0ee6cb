package dev.cofre.domain.token;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.UUID;

/** JustClick SaveCreditCard RequestIds, unique per merchant, each naming the token it saved (seed 004). */
public interface SaveRequests {

    /** {@link VaultError.RequestIdAlreadyUsed} if the merchant used this RequestId before. */
    Either<VaultError, TokenReference> remember(MerchantId merchant, UUID requestId, TokenReference token);

    Option<TokenReference> tokenFor(MerchantId merchant, UUID requestId);
}
