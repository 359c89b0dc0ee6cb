package dev.cofre.application.inmemory;

import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.SecretHash;
import dev.cofre.domain.merchant.SecretKeys;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Secret-key digests in memory. */
public final class InMemorySecretKeys implements SecretKeys {

    private final ConcurrentHashMap<SecretHash, MerchantId> keys = new ConcurrentHashMap<>();

    @Override
    public void add(MerchantId merchant, SecretHash key, Instant at) {
        if (keys.putIfAbsent(key, merchant) != null) {
            throw new IllegalStateException("secret key exists already");
        }
    }

    @Override
    public Option<MerchantId> merchantOf(SecretHash key) {
        return Option.of(keys.get(key));
    }
}
