package dev.cofre.application.inmemory;

import dev.cofre.domain.merchant.AccessToken;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.time.Instant;

public final class InMemoryAccessTokens implements AccessTokens, InMemoryTransactions.Snapshotting {

    private Map<SecretHash, AccessToken> tokens = HashMap.empty();

    @Override
    public synchronized void issue(AccessToken token) {
        tokens = tokens.put(token.hash(), token);
    }

    @Override
    public synchronized Option<AccessToken> find(SecretHash hash) {
        return tokens.get(hash);
    }

    @Override
    public synchronized int revokeAllOf(MerchantId merchant) {
        int before = tokens.size();
        tokens = tokens.filterValues(t -> !t.merchant().equals(merchant));
        return before - tokens.size();
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        int before = tokens.size();
        tokens = tokens.filterValues(t -> t.isValidAt(now));
        return before - tokens.size();
    }

    @Override
    public synchronized Object snapshot() {
        return tokens;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        tokens = (Map<SecretHash, AccessToken>) snapshot;
    }
}
