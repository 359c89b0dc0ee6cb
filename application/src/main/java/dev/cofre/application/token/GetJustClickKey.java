package dev.cofre.application.token;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.KeyRecoveryAttempts;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.validation.constraints.NotBlank;

/**
 * Recovers a lost JustClickKey from the SaveCreditCard RequestId that created it (seed 004).
 * Five consecutive unknown ids lock the method for the merchant (734) until an operator unlocks
 * it; a success resets the count. The failed attempt is recorded even though the call fails.
 */
public final class GetJustClickKey {

    private final VaultStores stores;
    private final Audit audit;

    GetJustClickKey(VaultStores stores, Audit audit) {
        this.stores = stores;
        this.audit = audit;
    }

    /** The SaveCreditCard RequestId to recover the JustClickKey of. */
    public record Command(@NotBlank(message = "is required") String saveCreditCardRequestId) {
    }

    public Either<DomainError, TokenReference> recover(MerchantId merchant, Command command) {
        // A missing id is refused outright; a malformed one counts as a failed attempt, like an unknown one.
        var missing = Commands.validate(command);
        if (missing.isLeft()) {
            return Either.left(missing.getLeft());
        }
        var parsed = SaveCreditCard.requestId("saveCreditCardRequestId", command.saveCreditCardRequestId());
        Either<DomainError, TokenReference> result = stores.transactions().inTransaction(() -> {
            // The attempt is taken (counted as a failure) before it is evaluated, in one conditional
            // UPDATE, so racing attempts on any number of servers evaluate at most LIMIT before the lock.
            Option<KeyRecoveryAttempts> taken = stores.keyRecoveries().take(merchant);
            Either<DomainError, TokenReference> outcome;
            if (taken.isEmpty()) {
                outcome = Either.left(new VaultError.KeyRecoveryLocked());
            } else {
                Option<TokenReference> found = parsed.toOption().flatMap(id -> stores.saveRequests().tokenFor(merchant, id));
                if (found.isEmpty()) {
                    outcome = Either.left(parsed.isLeft() ? parsed.getLeft() : new VaultError.SaveRequestIdNotFound());
                } else {
                    stores.keyRecoveries().save(taken.get().succeeded());
                    outcome = Either.right(found.get());
                }
            }
            // Every attempt is kept, refused ones included: the counter and the audit event commit together.
            audit.record(merchant, "get-justclick-key", outcome.map(TokenReference::toString).toOption(),
                    Option.none(), outcome);
            return outcome;
        });
        return result;
    }
}
