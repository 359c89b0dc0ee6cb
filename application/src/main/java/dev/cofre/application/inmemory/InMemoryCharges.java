package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.IdempotencyKey;
import dev.cofre.domain.charge.Transaction;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Charges in memory, for embedding Cofre without a database. */
public final class InMemoryCharges implements Charges {

    private Map<ChargeId, Charge> charges = LinkedHashMap.empty();
    private Map<Tuple2<MerchantId, IdempotencyKey>, ChargeId> keys = HashMap.empty();

    @Override
    public synchronized Either<ChargeError, Charge> add(Charge charge) {
        if (charges.containsKey(charge.id())) {
            return Either.left(new ChargeError.ConcurrentUpdate());
        }
        if (charge.transactions().exists(t -> keys.containsKey(Tuple.of(charge.merchant(), t.key())))) {
            return Either.left(new ChargeError.IdempotencyKeyReused());
        }
        store(charge);
        return Either.right(charge);
    }

    @Override
    public synchronized Option<Charge> find(MerchantId merchant, ChargeId id) {
        return charges.get(id).filter(c -> c.merchant().equals(merchant));
    }

    @Override
    public synchronized Option<Charge> findByKey(MerchantId merchant, IdempotencyKey key) {
        return keys.get(Tuple.of(merchant, key)).flatMap(charges::get);
    }

    @Override
    public synchronized Either<ChargeError, Charge> update(Charge changed) {
        Option<Charge> current = find(changed.merchant(), changed.id());
        if (current.isEmpty() || current.get().version() != changed.version() - 1) {
            return Either.left(new ChargeError.ConcurrentUpdate());
        }
        List<Transaction> added = changed.transactions().filter(t -> current.get().transaction(t.id()).isEmpty());
        if (added.exists(t -> keys.containsKey(Tuple.of(changed.merchant(), t.key())))) {
            return Either.left(new ChargeError.IdempotencyKeyReused());
        }
        store(changed);
        return Either.right(changed);
    }

    @Override
    public synchronized List<Charge> inDoubt() {
        return charges.values().filter(c -> c.lastTransaction().status().isInDoubt()).toList();
    }

    private void store(Charge charge) {
        charges = charges.put(charge.id(), charge);
        for (Transaction t : charge.transactions()) {
            keys = keys.put(Tuple.of(charge.merchant(), t.key()), charge.id());
        }
    }
}
