package dev.cofre.application.token;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.ActiveToken;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;

/**
 * The one way a card number leaves the vault (seed 004 GetCreditCard): only for an {@link ActiveToken}
 * of the caller's own merchant, named by its JustClickKey and, if sent, its JustClickAlias, only to the
 * merchant's allow-listed addresses, and always audited, refusals included.
 */
public final class DetokenizeCard {

    public record Command(@NotBlank(message = "is required") String reference,
                          String alias,
                          @NotNull(message = "is required") InetAddress source) {
    }

    /** The token and its card number. Its toString() prints no digits. */
    public record Detokenized(ActiveToken token, Pan pan) {
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
        Either<DomainError, Detokenized> result = Commands.validate(command, c -> TokenReference.parse("reference", c.reference()))
                .<DomainError>mapLeft(e -> e)
                .flatMap(reference -> allowed(merchant, command.source())
                        .flatMap(ignored -> GetMaskedCreditCard.find(stores.tokens(), merchant, reference, command.alias())))
                .flatMap(token -> token.active().<DomainError>mapLeft(e -> e))
                .flatMap(active -> read(merchant, active));
        audit.inOwnTransaction(merchant, "detokenize", Option.of(command.reference()), Option.of(command.source()), result);
        return result;
    }

    /** Only an active token's card is read. */
    private Either<DomainError, Detokenized> read(MerchantId merchant, ActiveToken token) {
        return stores.tokens().sealedPan(token)
                .toEither((DomainError) new VaultError.TokenNotFound())
                .flatMap(sealed -> cipher.open(sealed, merchant, token.reference()).<DomainError>mapLeft(e -> e))
                .map(pan -> new Detokenized(token, pan));
    }

    private Either<DomainError, Boolean> allowed(MerchantId merchant, InetAddress source) {
        return stores.merchants().find(merchant)
                .filter(m -> m.allowsCardReadsFrom(source))
                .map(m -> Either.<DomainError, Boolean>right(true))
                .getOrElse(() -> Either.left(new VaultError.IpNotAllowed()));
    }
}
