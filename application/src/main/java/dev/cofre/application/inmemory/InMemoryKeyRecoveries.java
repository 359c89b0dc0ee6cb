package dev.cofre.application.inmemory;

import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.KeyRecoveries;
import dev.cofre.domain.token.KeyRecoveryAttempts;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;

public final class InMemoryKeyRecoveries implements KeyRecoveries, InMemoryTransactions.Snapshotting {

    private Map<MerchantId, KeyRecoveryAttempts> attempts = HashMap.empty();

    @Override
    public synchronized KeyRecoveryAttempts of(MerchantId merchant) {
        return attempts.get(merchant).getOrElse(() -> KeyRecoveryAttempts.fresh(merchant));
    }

    @Override
    public synchronized void save(KeyRecoveryAttempts a) {
        attempts = attempts.put(a.merchant(), a);
    }

    @Override
    public synchronized io.vavr.control.Option<KeyRecoveryAttempts> take(MerchantId merchant) {
        KeyRecoveryAttempts current = of(merchant);
        if (current.locked()) {
            return io.vavr.control.Option.none();
        }
        KeyRecoveryAttempts taken = current.failed();
        save(taken);
        return io.vavr.control.Option.some(taken);
    }

    @Override
    public synchronized Object snapshot() {
        return attempts;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        attempts = (Map<MerchantId, KeyRecoveryAttempts>) snapshot;
    }
}
