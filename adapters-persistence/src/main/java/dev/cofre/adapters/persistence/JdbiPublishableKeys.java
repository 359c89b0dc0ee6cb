package dev.cofre.adapters.persistence;

import dev.cofre.domain.merchant.BrowserOrigin;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.PublishableKeys;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/** Publishable keys (kept as they are: they are public) and the origins allowed to use them. */
final class JdbiPublishableKeys implements PublishableKeys {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiPublishableKeys(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public void add(MerchantId merchant, String key, Instant at) {
        sessions.write(h -> h.createUpdate("INSERT INTO publishable_keys (public_key, merchant_id, created_at)"
                        + " VALUES (:key, :merchant, :created_at)")
                .bind("key", key)
                .bind("merchant", dialect.uuid(merchant.value()))
                .bind("created_at", dialect.instant(at))
                .execute());
    }

    @Override
    public Option<MerchantId> merchantOf(String key) {
        return sessions.read(h -> Option.ofOptional(h.createQuery("SELECT merchant_id FROM publishable_keys"
                        + " WHERE public_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> new MerchantId(SqlDialect.uuid(rs, "merchant_id")))
                .findOne()));
    }

    @Override
    public boolean remove(MerchantId merchant, String key) {
        return sessions.write(h -> h.createUpdate("DELETE FROM publishable_keys WHERE public_key = :key"
                        + " AND merchant_id = :merchant")
                .bind("key", key)
                .bind("merchant", dialect.uuid(merchant.value()))
                .execute()) == 1;
    }

    @Override
    public List<String> of(MerchantId merchant) {
        return sessions.read(h -> List.ofAll(h.createQuery("SELECT public_key FROM publishable_keys"
                        + " WHERE merchant_id = :merchant ORDER BY created_at, public_key")
                .bind("merchant", dialect.uuid(merchant.value()))
                .mapTo(String.class)
                .list()));
    }

    @Override
    public void replaceOrigins(MerchantId merchant, List<BrowserOrigin> origins) {
        sessions.write(h -> {
            h.createUpdate("DELETE FROM merchant_origins WHERE merchant_id = :merchant")
                    .bind("merchant", dialect.uuid(merchant.value()))
                    .execute();
            for (BrowserOrigin origin : origins) {
                h.createUpdate("INSERT INTO merchant_origins (merchant_id, origin) VALUES (:merchant, :origin)")
                        .bind("merchant", dialect.uuid(merchant.value()))
                        .bind("origin", origin.value())
                        .execute();
            }
            return null;
        });
    }

    @Override
    public List<BrowserOrigin> originsOf(MerchantId merchant) {
        return sessions.read(h -> List.ofAll(h.createQuery("SELECT origin FROM merchant_origins"
                        + " WHERE merchant_id = :merchant ORDER BY origin")
                .bind("merchant", dialect.uuid(merchant.value()))
                .mapTo(String.class)
                .list()).map(BrowserOrigin::new));
    }
}
