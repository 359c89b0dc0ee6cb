package dev.cofre.application.token;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.Tokens;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.validation.constraints.NotBlank;

/**
 * JustClick GetMaskedCreditCard (seed 004): a saved card, masked, in any status, by its JustClickKey
 * and, if the caller sends one, its JustClickAlias. One read.
 */
public final class GetMaskedCreditCard {

    /** {@code reference} is the JustClickKey; {@code alias}, the JustClickAlias, may be null. */
    public record Command(@NotBlank(message = "is required") String reference, String alias) {
    }

    private final Tokens tokens;

    GetMaskedCreditCard(Tokens tokens) {
        this.tokens = tokens;
    }

    public Either<DomainError, Token> get(MerchantId merchant, Command command) {
        return Commands.validate(command, c -> TokenReference.parse("reference", c.reference()))
                .<DomainError>mapLeft(e -> e)
                .flatMap(reference -> find(tokens, merchant, reference, command.alias()));
    }

    /** The merchant's token under a JustClickKey, if the JustClickAlias sent with it (if any) is its alias. */
    static Either<DomainError, Token> find(Tokens tokens, MerchantId merchant, TokenReference reference, String alias) {
        return tokens.find(merchant, reference)
                .toEither((VaultError) new VaultError.TokenNotFound())
                .flatMap(token -> token.identifiedBy(Option.of(alias)))
                .mapLeft(e -> e);
    }
}
