package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.charge.SealedCardToken;
import dev.cofre.domain.charge.StoredCardTokens;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/** Sealed card tokens in memory: the same rules as the database, for embedding and tests. */
public final class InMemoryStoredCardTokens implements StoredCardTokens, InMemoryTransactions.Snapshotting {

    private record Row(MaskedCardToken token, Option<SealedCardToken> sealed) {
    }

    private Map<CardTokenId, Row> rows = LinkedHashMap.empty();

    @Override
    public synchronized void add(MaskedCardToken token, SealedCardToken sealed) {
        if (rows.containsKey(token.id())) {
            throw new IllegalStateException("card token id " + token.id() + " exists already");
        }
        rows = rows.put(token.id(), new Row(token, Option.some(sealed)));
    }

    @Override
    public synchronized Option<MaskedCardToken> find(MerchantId merchant, CardTokenId id) {
        return row(merchant, id).map(Row::token);
    }

    @Override
    public synchronized Option<SealedCardToken> sealed(MerchantId merchant, CardTokenId id) {
        return row(merchant, id).flatMap(Row::sealed);
    }

    @Override
    public synchronized Either<CardTokenError, Spent> spend(MerchantId merchant, CardTokenId id, Instant now) {
        Option<Row> row = row(merchant, id);
        if (row.isEmpty()) {
            return Either.left(new CardTokenError.NotFound());
        }
        return row.get().token().requireActive(now).map(token -> {
            MaskedCardToken spent = token.spent(now);
            rows = rows.put(id, new Row(spent, Option.none()));
            return new Spent(spent, row.get().sealed().get());
        });
    }

    @Override
    public synchronized int sweepExpired(Instant now) {
        int before = rows.size();
        rows = rows.filter((id, row) -> now.isBefore(row.token().expiresAt()));
        return before - rows.size();
    }

    @Override
    public synchronized io.vavr.collection.List<Wrapped> wrappedBefore(int version, int limit) {
        return rows.values().toList()
                .filter(row -> row.sealed().exists(s -> s.kekVersion() < version))
                .map(row -> new Wrapped(row.token().merchant(), row.token().id(), row.sealed().get()))
                .take(limit);
    }

    @Override
    public synchronized long countWrappedBefore(int version) {
        return rows.values().count(row -> row.sealed().exists(s -> s.kekVersion() < version));
    }

    @Override
    public synchronized boolean replace(Wrapped expected, SealedCardToken rewrapped) {
        Option<Row> row = row(expected.merchant(), expected.id());
        if (row.isEmpty() || !row.get().sealed().contains(expected.sealed())) {
            return false;
        }
        rows = rows.put(expected.id(), new Row(row.get().token(), Option.some(rewrapped)));
        return true;
    }

    private Option<Row> row(MerchantId merchant, CardTokenId id) {
        return rows.get(id).filter(r -> r.token().merchant().equals(merchant));
    }

    @Override
    public synchronized Object snapshot() {
        return rows;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        rows = (Map<CardTokenId, Row>) snapshot;
    }
}
