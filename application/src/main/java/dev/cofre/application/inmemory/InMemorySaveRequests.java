package dev.cofre.application.inmemory;

import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.SaveRequests;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.UUID;

public final class InMemorySaveRequests implements SaveRequests, InMemoryTransactions.Snapshotting {

    private Map<Tuple2<MerchantId, UUID>, TokenReference> requests = HashMap.empty();

    @Override
    public synchronized Either<VaultError, TokenReference> remember(MerchantId merchant, UUID requestId,
                                                                    TokenReference token) {
        var key = Tuple.of(merchant, requestId);
        if (requests.containsKey(key)) {
            return Either.left(new VaultError.RequestIdAlreadyUsed());
        }
        requests = requests.put(key, token);
        return Either.right(token);
    }

    @Override
    public synchronized Option<TokenReference> tokenFor(MerchantId merchant, UUID requestId) {
        return requests.get(Tuple.of(merchant, requestId));
    }

    @Override
    public synchronized Object snapshot() {
        return requests;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        requests = (Map<Tuple2<MerchantId, UUID>, TokenReference>) snapshot;
    }
}
