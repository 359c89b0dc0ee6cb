// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;

public final class FindTokenByAlias {

    private final VaultStores stores;

    FindTokenByAlias(VaultStores stores) {
        this.stores = stores;
    }

    public Either<DomainError, Token> find(MerchantId merchant, String alias) {
        return Alias.parse("alias", alias).<DomainError>mapLeft(e -> e)
                .flatMap(a -> stores.tokens().findByAlias(merchant, a).toEither(new VaultError.AliasNotFound()));
    }
}
