package dev.cofre.application.inmemory;

import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ActiveToken;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.AliasAssociation;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.RemovedToken;
import dev.cofre.domain.token.SealedPans;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.Tokens;
import dev.cofre.domain.token.VaultError;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Tokens and their sealed numbers in memory, for embedding Cofre without a database. */
public final class InMemoryTokens implements Tokens, SealedPans, InMemoryTransactions.Snapshotting {

    private record Row(Token token, Option<SealedPan> sealed) {
    }

    private Map<TokenReference, Row> rows = LinkedHashMap.empty();

    @Override
    public synchronized Either<VaultError, ActiveToken> add(ActiveToken token, SealedPan sealedPan) {
        if (token.alias().isDefined() && findByAlias(token.merchant(), token.alias().get()).isDefined()) {
            return Either.left(new VaultError.AliasInUse(token.alias().get()));
        }
        rows = rows.put(token.reference(), new Row(token, Option.some(sealedPan)));
        return Either.right(token);
    }

    @Override
    public synchronized Option<Token> find(MerchantId merchant, TokenReference reference) {
        return rows.get(reference).map(Row::token).filter(t -> t.merchant().equals(merchant));
    }

    @Override
    public synchronized Option<Token> findByAlias(MerchantId merchant, Alias alias) {
        return rows.values().map(Row::token)
                .find(t -> t.merchant().equals(merchant) && t.holdsAlias() && t.alias().contains(alias));
    }

    @Override
    public synchronized Option<SealedPan> sealedPan(MerchantId merchant, TokenReference reference) {
        return rows.get(reference).filter(r -> r.token().merchant().equals(merchant)).flatMap(Row::sealed);
    }

    @Override
    public synchronized Either<VaultError, Token> update(Token changed) {
        Option<Row> current = rows.get(changed.reference())
                .filter(r -> r.token().merchant().equals(changed.merchant()));
        if (current.isEmpty()) {
            return Either.left(new VaultError.TokenNotFound());
        }
        if (current.get().token().version() != changed.version() - 1) {
            return Either.left(new VaultError.ConcurrentUpdate());
        }
        Option<SealedPan> sealed = changed instanceof RemovedToken ? Option.none() : current.get().sealed();
        rows = rows.put(changed.reference(), new Row(changed, sealed));
        return Either.right(changed);
    }

    @Override
    public synchronized List<AliasAssociation> aliasHistory(MerchantId merchant, Alias alias) {
        return rows.values().map(Row::token)
                .filter(t -> t.merchant().equals(merchant) && t.alias().contains(alias))
                .map(AliasAssociation::of)
                .toList();
    }

    @Override
    public synchronized List<Stored> wrappedBefore(int version, int limit) {
        return rows.values()
                .filter(r -> r.sealed().exists(s -> s.kekVersion() < version))
                .take(limit)
                .map(r -> new Stored(r.token().merchant(), r.token().reference(), r.sealed().get()))
                .toList();
    }

    @Override
    public synchronized long countWrappedBefore(int version) {
        return rows.values().count(r -> r.sealed().exists(s -> s.kekVersion() < version));
    }

    @Override
    public synchronized boolean replace(Stored expected, SealedPan rewrapped) {
        Option<Row> row = rows.get(expected.reference())
                .filter(r -> r.token().merchant().equals(expected.merchant()))
                .filter(r -> r.sealed().contains(expected.sealed()));
        row.forEach(r -> rows = rows.put(expected.reference(), new Row(r.token(), Option.some(rewrapped))));
        return row.isDefined();
    }

    @Override
    public synchronized Object snapshot() {
        return rows;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        rows = (Map<TokenReference, Row>) snapshot;
    }
}
