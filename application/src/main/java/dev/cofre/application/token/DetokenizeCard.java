package dev.cofre.application.token;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;

/**
 * The one way a card number leaves the vault (seed 004 GetCreditCard): only for an ACTIVE token of
 * the caller's own merchant, only to the merchant's allow-listed addresses, and always audited,
 * refusals included.
 */
public final class DetokenizeCard {

    public record Command(@NotBlank(message = "is required") String reference,
                          String alias,
                          @NotNull(message = "is required") InetAddress source) {
    }

    /** The token and its card number. Its toString() prints no digits. */
    public record Detokenized(Token token, Pan pan) {
        @Override
        public String toString() {
            return "Detokenized[" + token.reference() + ", " + pan + "]";
        }
    }

    private final VaultStores stores;
    private final CardCipher cipher;
    private final Audit audit;

    DetokenizeCard(VaultStores stores, CardCipher cipher, Audit audit) {
        this.stores = stores;
        this.cipher = cipher;
        this.audit = audit;
    }

    public Either<DomainError, Detokenized> detokenize(MerchantId merchant, Command command) {
        Either<DomainError, Detokenized> result = Commands.validate(command)
                .<DomainError>mapLeft(e -> e)
                .flatMap(c -> allowed(merchant, c.source()))
                .flatMap(ignored -> TokenReference.parse("reference", command.reference()).<DomainError>mapLeft(e -> e))
                .flatMap(ref -> stores.tokens().find(merchant, ref).toEither(new VaultError.TokenNotFound()))
                .flatMap(token -> matchesAlias(token, command.alias()))
                .flatMap(token -> token.requireActive().<DomainError>mapLeft(e -> e))
                .flatMap(token -> stores.tokens().sealedPan(merchant, token.reference())
                        .toEither((DomainError) new VaultError.TokenNotFound())
                        .flatMap(sealed -> cipher.open(sealed, merchant, token.reference()).<DomainError>mapLeft(e -> e))
                        .map(pan -> new Detokenized(token, pan)));
        audit.inOwnTransaction(merchant, "detokenize", Option.of(command.reference()), Option.of(command.source()), result);
        return result;
    }

    private Either<DomainError, Boolean> allowed(MerchantId merchant, InetAddress source) {
        return stores.merchants().find(merchant)
                .filter(m -> m.allowsCardReadsFrom(source))
                .map(m -> Either.<DomainError, Boolean>right(true))
                .getOrElse(() -> Either.left(new VaultError.IpNotAllowed()));
    }

    /** seed 004 lets the caller name the alias too; a token that does not hold it is not the card asked for. */
    private static Either<DomainError, Token> matchesAlias(Token token, String alias) {
        if (alias == null || alias.isEmpty() || token.alias().exists(a -> a.value().equals(alias))) {
            return Either.right(token);
        }
        return Either.left(new VaultError.TokenNotFound());
    }
}
