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
    private io.vavr.collection.Set<MerchantId> disabled = io.vavr.collection.HashSet.empty();

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
    public synchronized Option<Merchant> findEnabled(MerchantId id) {
        return merchants.get(id).filter(m -> !disabled.contains(id));
    }

    @Override
    public synchronized boolean setDisabled(MerchantId id, boolean disable) {
        if (!merchants.containsKey(id)) {
            return false;
        }
        disabled = disable ? disabled.add(id) : disabled.remove(id);
        return true;
    }

    @Override
    public synchronized boolean replaceClientSecret(MerchantId id, SecretHash clientSecret) {
        return replace(id, c -> new MerchantCredentials(id, c.clientId(), clientSecret, c.justClickKey()));
    }

    @Override
    public synchronized boolean replaceJustClickKey(MerchantId id, SecretHash justClickKey) {
        return replace(id, c -> new MerchantCredentials(id, c.clientId(), c.clientSecret(), justClickKey));
    }

    private boolean replace(MerchantId id, java.util.function.UnaryOperator<MerchantCredentials> change) {
        var current = credentials.get(id);
        current.forEach(c -> credentials = credentials.put(id, change.apply(c)));
        return current.isDefined();
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
        return io.vavr.Tuple.of(merchants, credentials, disabled);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        var s = (io.vavr.Tuple3<Map<MerchantId, Merchant>, Map<MerchantId, MerchantCredentials>,
                io.vavr.collection.Set<MerchantId>>) snapshot;
        merchants = s._1;
        credentials = s._2;
        disabled = s._3;
    }
}
