package dev.cofre.application.inmemory;

import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantCredentials;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

public final class InMemoryMerchants implements Merchants, InMemoryTransactions.Snapshotting {

    private Map<MerchantId, Merchant> merchants = LinkedHashMap.empty();
    private Map<MerchantId, MerchantCredentials> credentials = LinkedHashMap.empty();

    @Override
    public synchronized void add(Merchant merchant, MerchantCredentials creds) {
        if (merchants.containsKey(merchant.id())
                || findByClientId(creds.clientId()).isDefined()) {
            throw new IllegalStateException("merchant " + merchant.id() + " or its client id exists already");
        }
        merchants = merchants.put(merchant.id(), merchant);
        credentials = credentials.put(merchant.id(), creds);
    }

    @Override
    public synchronized Option<Merchant> find(MerchantId id) {
        return merchants.get(id);
    }

    @Override
    public synchronized Option<MerchantCredentials> credentialsOf(MerchantId id) {
        return credentials.get(id);
    }

    @Override
    public synchronized Option<MerchantCredentials> findByClientId(String clientId) {
        return credentials.values().find(c -> c.clientId().equals(clientId));
    }

    @Override
    public synchronized Option<MerchantCredentials> findByJustClickKey(SecretHash key) {
        return credentials.values().find(c -> c.justClickKey().equals(key));
    }

    @Override
    public synchronized List<Merchant> all() {
        return merchants.values().toList();
    }

    @Override
    public synchronized boolean isEmpty() {
        return merchants.isEmpty();
    }

    @Override
    public synchronized Object snapshot() {
        return io.vavr.Tuple.of(merchants, credentials);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        var s = (io.vavr.Tuple2<Map<MerchantId, Merchant>, Map<MerchantId, MerchantCredentials>>) snapshot;
        merchants = s._1;
        credentials = s._2;
    }
}
