package dev.cofre.application.token;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** The operator's way to lift a GetJustClickKey lockout (seed 004: "contact support"). */
public final class UnlockJustClickKey {

    private final VaultStores stores;
    private final Audit audit;

    UnlockJustClickKey(VaultStores stores, Audit audit) {
        this.stores = stores;
        this.audit = audit;
    }

    public void unlock(MerchantId merchant) {
        stores.transactions().inTransaction(() -> {
            stores.keyRecoveries().save(stores.keyRecoveries().of(merchant).unlocked());
            audit.record(merchant, "unlock-justclick-key", Option.none(), Option.none(), Either.right(true));
            return null;
        });
    }
}
