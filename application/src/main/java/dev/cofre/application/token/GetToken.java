// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;

public final class GetToken {

    private final VaultStores stores;

    GetToken(VaultStores stores) {
        this.stores = stores;
    }

    public Either<DomainError, Token> get(MerchantId merchant, String reference) {
        return TokenReference.parse("reference", reference).<DomainError>mapLeft(e -> e)
                .flatMap(ref -> stores.tokens().find(merchant, ref).toEither(new VaultError.TokenNotFound()));
    }
}
