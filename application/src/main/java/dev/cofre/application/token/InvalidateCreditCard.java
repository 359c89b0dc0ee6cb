package dev.cofre.application.token;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.TokenStatus;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;

/**
 * JustClick InvalidateCreditCard (seed 004): removes a saved card, found by its JustClickKey and,
 * if the caller sends one, its JustClickAlias, in one transaction with its audit event. The
 * merchant asked, for no stated reason; removing a removed card again succeeds and changes nothing.
 */
public final class InvalidateCreditCard {

    /** {@code reference} is the JustClickKey; {@code alias}, the JustClickAlias, may be null. */
    public record Command(@NotBlank(message = "is required") String reference, String alias) {
    }

    private final VaultStores stores;
    private final Clock clock;
    private final Audit audit;

    InvalidateCreditCard(VaultStores stores, Clock clock, Audit audit) {
        this.stores = stores;
        this.clock = clock;
        this.audit = audit;
    }

    public Either<DomainError, Token> invalidate(MerchantId merchant, Command command) {
        return Commands.validate(command, c -> TokenReference.parse("reference", c.reference()))
                .<DomainError>mapLeft(e -> e)
                .flatMap(reference -> audit.atomically(merchant, TokenStatus.REMOVED.request(),
                        t -> Option.some(t.reference().toString()), Option.some(reference.toString()),
                        () -> GetMaskedCreditCard.find(stores.tokens(), merchant, reference, command.alias())
                                .flatMap(token -> remove(token, reference))));
    }

    private Either<DomainError, Token> remove(Token token, TokenReference reference) {
        return ChangeTokenStatus.moveAndSave(stores, token, TokenStatus.REMOVED,
                        new ChangeTokenStatus.Request(reference, ChangedBy.MERCHANT, ChangeReason.OTHER), clock)
                .mapLeft(e -> e);
    }
}
