// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.merchant.MerchantId;

public final class UnlockJustClickKey {

    private final VaultStores stores;

    UnlockJustClickKey(VaultStores stores) {
        this.stores = stores;
    }

    public void unlock(MerchantId merchant) {
        stores.transactions().inTransaction(() -> {
            stores.keyRecoveries().save(stores.keyRecoveries().of(merchant).unlocked());
            return null;
        });
    }
}
