package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.Tokens;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;

/** Reads a token, masked, in any status (seed 003 GET /v1/Token/{ref}; seed 004 GetMaskedCreditCard). */
public final class GetToken {

    private final Tokens tokens;

    GetToken(Tokens tokens) {
        this.tokens = tokens;
    }

    public Either<DomainError, Token> get(MerchantId merchant, String reference) {
        return TokenReference.parse("reference", reference)
                .<DomainError>mapLeft(e -> e)
                .flatMap(ref -> tokens.find(merchant, ref).toEither(new VaultError.TokenNotFound()));
    }
}
