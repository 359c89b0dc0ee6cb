package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Single-use card tokens in this process's memory only, for embedding Cofre with no database
 * (a database keeps them sealed: {@code SealingCardTokens}). A spent token keeps its masked card,
 * to tell "spent" from "unknown", but loses its security code.
 */
public final class InMemoryCardTokens implements CardTokens, InMemoryTransactions.Snapshotting {

    /** The token, and what may be shown of it (kept from issue: the spent token has lost its code). */
    private record Entry(CardToken token, MaskedCardToken masked) {
        Option<Instant> spentAt() {
            return masked.spentAt();
        }
    }

    private Map<CardTokenId, Entry> tokens = HashMap.empty();

    @Override
    public synchronized void issue(CardToken token) {
        if (tokens.containsKey(token.id())) {
            throw new IllegalStateException("card token id " + token.id() + " exists already");
        }
        tokens = tokens.put(token.id(), new Entry(token, token.masked()));
    }

    @Override
    public synchronized Option<MaskedCardToken> find(MerchantId merchant, CardTokenId id) {
        return tokens.get(id).filter(e -> e.token().merchant().equals(merchant)).map(Entry::masked);
    }

    @Override
    public synchronized Either<CardTokenError, CardToken> peek(MerchantId merchant, CardTokenId id, Instant now) {
        return live(merchant, id, now).map(InMemoryCardTokens::withoutSecurityCode);
    }

    /** Synchronized: of concurrent redeems of one id, exactly one finds it unspent. */
    @Override
    public synchronized Either<CardTokenError, CardToken> redeem(MerchantId merchant, CardTokenId id, Instant now) {
        Either<CardTokenError, CardToken> live = live(merchant, id, now);
        live.forEach(token -> tokens = tokens.put(id,
                new Entry(withoutSecurityCode(token), tokens.get(id).get().masked().spent(now))));
        return live;
    }

    @Override
    public synchronized int sweepExpired(Instant now) {
        int before = tokens.size();
        tokens = tokens.filterValues(e -> !e.token().isExpiredAt(now));
        return before - tokens.size();
    }

    private Either<CardTokenError, CardToken> live(MerchantId merchant, CardTokenId id, Instant now) {
        Option<Entry> entry = tokens.get(id).filter(e -> e.token().merchant().equals(merchant));
        if (entry.isEmpty()) {
            return Either.left(new CardTokenError.NotFound());
        }
        if (entry.get().spentAt().isDefined()) {
            return Either.left(new CardTokenError.Spent());
        }
        return entry.get().token().isExpiredAt(now) ? Either.left(new CardTokenError.Expired())
                : Either.right(entry.get().token());
    }

    private static CardToken withoutSecurityCode(CardToken t) {
        return new CardToken(t.id(), t.merchant(), t.card(), Option.none(), t.holderIdentification(), t.savedCard(),
                t.createdAt(), t.expiresAt());
    }

    @Override
    public synchronized Object snapshot() {
        return tokens;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        tokens = (Map<CardTokenId, Entry>) snapshot;
    }
}
