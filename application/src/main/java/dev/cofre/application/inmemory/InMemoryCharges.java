package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.OrderId;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Charges in memory, for embedding Cofre without a database. */
public final class InMemoryCharges implements Charges, InMemoryTransactions.Snapshotting {

    private Map<ChargeId, Charge> charges = LinkedHashMap.empty();

    @Override
    public synchronized Either<ChargeError, Charge> add(Charge charge) {
        if (charges.containsKey(charge.id())) {
            return Either.left(new ChargeError.ConcurrentUpdate());
        }
        charges = charges.put(charge.id(), charge);
        return Either.right(charge);
    }

    @Override
    public synchronized Option<Charge> find(MerchantId merchant, ChargeId id) {
        return charges.get(id).filter(c -> c.merchant().equals(merchant));
    }

    @Override
    public synchronized Option<Charge> findByOrder(MerchantId merchant, OrderId order) {
        return charges.values().find(c -> c.order().id().equals(order) && c.merchant().equals(merchant));
    }

    @Override
    public synchronized Either<ChargeError, Charge> update(Charge changed) {
        Option<Charge> current = find(changed.merchant(), changed.id());
        if (current.isEmpty() || current.get().version() != changed.version() - 1) {
            return Either.left(new ChargeError.ConcurrentUpdate());
        }
        charges = charges.put(changed.id(), changed);
        return Either.right(changed);
    }

    @Override
    public synchronized List<Charge> inDoubt() {
        return charges.values().filter(c -> c.lastTransaction().status().isInDoubt()).toList();
    }

    @Override
    public synchronized Object snapshot() {
        return charges;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        charges = (Map<ChargeId, Charge>) snapshot;
    }
}
