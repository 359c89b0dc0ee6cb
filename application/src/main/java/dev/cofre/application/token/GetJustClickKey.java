// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;

public final class GetJustClickKey {

    private final VaultStores stores;

    GetJustClickKey(VaultStores stores) {
        this.stores = stores;
    }

    public Either<DomainError, TokenReference> recover(MerchantId merchant, String saveCreditCardRequestId) {
        var id = TokenReference.parse("saveCreditCardRequestId", saveCreditCardRequestId);
        if (id.isLeft()) return Either.left(id.getLeft());
        return stores.transactions().inTransaction(() -> {
            var attempts = stores.keyRecoveries().of(merchant);
            if (attempts.locked()) return Either.left(new VaultError.KeyRecoveryLocked());
            var found = stores.saveRequests().tokenFor(merchant, id.get().value());
            stores.keyRecoveries().save(found.isDefined() ? attempts.succeeded() : attempts.failed());
            return found.<Either<DomainError, TokenReference>>map(Either::right)
                    .getOrElse(() -> Either.left(new VaultError.SaveRequestIdNotFound()));
        });
    }
}
