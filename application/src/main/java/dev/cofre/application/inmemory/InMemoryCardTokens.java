package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Single-use card tokens in memory: the only place they may live, since they carry a security code. */
public final class InMemoryCardTokens implements CardTokens {

    private final ConcurrentHashMap<CardTokenId, CardToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void issue(CardToken token) {
        if (tokens.putIfAbsent(token.id(), token) != null) {
            throw new IllegalStateException("card token id " + token.id() + " exists already");
        }
    }

    @Override
    public Option<CardToken> peek(MerchantId merchant, CardTokenId id, Instant now) {
        return Option.of(tokens.get(id)).filter(t -> t.merchant().equals(merchant) && !t.isExpiredAt(now));
    }

    @Override
    public Option<CardToken> redeem(MerchantId merchant, CardTokenId id, Instant now) {
        Option<CardToken> live = peek(merchant, id, now);
        // remove(key, value) succeeds for one caller only: the token is used once
        return live.filter(t -> tokens.remove(id, t));
    }
}
