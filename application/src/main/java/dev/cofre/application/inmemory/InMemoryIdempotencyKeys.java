package dev.cofre.application.inmemory;

import dev.cofre.domain.IdempotencyKeys;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.Tuple;
import io.vavr.Tuple3;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;

public final class InMemoryIdempotencyKeys implements IdempotencyKeys, InMemoryTransactions.Snapshotting {

    private Map<Tuple3<MerchantId, String, String>, Entry> entries = HashMap.empty();

    @Override
    public synchronized Entry putIfAbsent(Entry entry) {
        var key = Tuple.of(entry.merchant(), entry.scope(), entry.key());
        if (!entries.containsKey(key)) {
            entries = entries.put(key, entry);
        }
        return entries.get(key).get();
    }

    @Override
    public synchronized Object snapshot() {
        return entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        entries = (Map<Tuple3<MerchantId, String, String>, Entry>) snapshot;
    }
}
