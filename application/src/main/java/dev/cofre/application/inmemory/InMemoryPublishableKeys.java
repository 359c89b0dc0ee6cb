package dev.cofre.application.inmemory;

import dev.cofre.domain.merchant.BrowserOrigin;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.PublishableKeys;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Publishable keys and allowed origins in memory. */
public final class InMemoryPublishableKeys implements PublishableKeys {

    private final java.util.Map<String, MerchantId> keys = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final ConcurrentHashMap<MerchantId, List<BrowserOrigin>> origins = new ConcurrentHashMap<>();

    @Override
    public void add(MerchantId merchant, String key, Instant at) {
        if (keys.putIfAbsent(key, merchant) != null) {
            throw new IllegalStateException("publishable key exists already");
        }
    }

    @Override
    public Option<MerchantId> merchantOf(String key) {
        return Option.of(keys.get(key));
    }

    @Override
    public boolean remove(MerchantId merchant, String key) {
        return keys.remove(key, merchant);
    }

    @Override
    public List<String> of(MerchantId merchant) {
        synchronized (keys) {
            return List.ofAll(keys.entrySet()).filter(e -> e.getValue().equals(merchant)).map(java.util.Map.Entry::getKey);
        }
    }

    @Override
    public void replaceOrigins(MerchantId merchant, List<BrowserOrigin> allowed) {
        origins.put(merchant, allowed);
    }

    @Override
    public List<BrowserOrigin> originsOf(MerchantId merchant) {
        return origins.getOrDefault(merchant, List.empty());
    }
}
