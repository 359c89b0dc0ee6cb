package dev.cofre.application.inmemory;

import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.Tuple;
import io.vavr.Tuple3;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/**
 * Idempotency keys in memory. {@link InMemoryTransactions} runs one unit of work at a time, so a
 * claim made in one is never seen half-done by another, and a rolled-back claim disappears.
 */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys, InMemoryTransactions.Snapshotting {

    private Map<Tuple3<MerchantId, String, IdempotencyKey>, Remembered> entries = HashMap.empty();

    @Override
    public synchronized Option<Remembered> claim(IdempotentRequest request) {
        var key = keyOf(request);
        Option<Remembered> earlier = entries.get(key);
        if (earlier.isEmpty()) {
            entries = entries.put(key, new Remembered(request.fingerprint(), null));
        }
        return earlier;
    }

    @Override
    public synchronized void remember(IdempotentRequest request, String outcome) {
        entries = entries.put(keyOf(request), new Remembered(request.fingerprint(), outcome));
    }

    private static Tuple3<MerchantId, String, IdempotencyKey> keyOf(IdempotentRequest request) {
        return Tuple.of(request.merchant(), request.scope(), request.key());
    }

    @Override
    public synchronized Object snapshot() {
        return entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        entries = (Map<Tuple3<MerchantId, String, IdempotencyKey>, Remembered>) snapshot;
    }
}
