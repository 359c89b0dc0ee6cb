package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use card tokens in this process's memory only, for embedding Cofre with no database.
 * A spent token keeps its masked card (to tell "spent" from "unknown") but loses its security code.
 */
public final class InMemoryCardTokens implements CardTokens {

    private record Entry(CardToken token, Option<Instant> spentAt) {
    }

    private final ConcurrentHashMap<CardTokenId, Entry> tokens = new ConcurrentHashMap<>();

    @Override
    public void issue(CardToken token) {
        if (tokens.putIfAbsent(token.id(), new Entry(token, Option.none())) != null) {
            throw new IllegalStateException("card token id " + token.id() + " exists already");
        }
    }

    @Override
    public Either<CardTokenError, CardToken> peek(MerchantId merchant, CardTokenId id, Instant now) {
        return live(merchant, id, now).map(InMemoryCardTokens::withoutSecurityCode);
    }

    @Override
    public Either<CardTokenError, CardToken> redeem(MerchantId merchant, CardTokenId id, Instant now) {
        Either<CardTokenError, CardToken> live = live(merchant, id, now);
        if (live.isLeft()) {
            return live;
        }
        Entry unspent = tokens.get(id);
        // replace(key, old, new) succeeds for one caller only: the token is used once
        boolean won = unspent.spentAt().isEmpty()
                && tokens.replace(id, unspent, new Entry(withoutSecurityCode(unspent.token()), Option.some(now)));
        return won ? Either.right(unspent.token()) : Either.left(new CardTokenError.Spent());
    }

    @Override
    public int sweepExpired(Instant now) {
        int before = tokens.size();
        tokens.values().removeIf(e -> e.token().isExpiredAt(now));
        return before - tokens.size();
    }

    private Either<CardTokenError, CardToken> live(MerchantId merchant, CardTokenId id, Instant now) {
        Entry entry = tokens.get(id);
        if (entry == null || !entry.token().merchant().equals(merchant)) {
            return Either.left(new CardTokenError.NotFound());
        }
        if (entry.spentAt().isDefined()) {
            return Either.left(new CardTokenError.Spent());
        }
        return entry.token().isExpiredAt(now) ? Either.left(new CardTokenError.Expired()) : Either.right(entry.token());
    }

    private static CardToken withoutSecurityCode(CardToken t) {
        return new CardToken(t.id(), t.merchant(), t.card(), Option.none(), t.holderIdentification(), t.savedCard(),
                t.createdAt(), t.expiresAt());
    }
}
