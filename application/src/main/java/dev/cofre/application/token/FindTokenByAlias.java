package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.Tokens;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;

/** The token that holds an alias now (seed 003 GET /v1/Alias/{alias}/TokenReference). */
public final class FindTokenByAlias {

    private final Tokens tokens;

    FindTokenByAlias(Tokens tokens) {
        this.tokens = tokens;
    }

    public Either<DomainError, Token> find(MerchantId merchant, String alias) {
        return Alias.parse("alias", alias)
                .<DomainError>mapLeft(e -> e)
                .flatMap(a -> tokens.findByAlias(merchant, a).toEither(new VaultError.AliasNotFound()));
    }
}
