package dev.cofre.adapters.persistence;

import dev.cofre.domain.IdempotencyKeys;
import dev.cofre.domain.merchant.MerchantId;

/** Idempotency keys; the primary key (merchant, scope, key) lets the first request win everywhere. */
final class JdbiIdempotencyKeys implements IdempotencyKeys {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiIdempotencyKeys(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public Entry putIfAbsent(Entry entry) {
        return sessions.write(h -> {
            int inserted = h.createUpdate("INSERT INTO idempotency_keys (merchant_id, scope, key, request_hash, outcome)"
                            + " VALUES (:merchant, :scope, :key, :request_hash, :outcome)"
                            + " ON CONFLICT (merchant_id, scope, key) DO NOTHING")
                    .bind("merchant", dialect.uuid(entry.merchant().value()))
                    .bind("scope", entry.scope())
                    .bind("key", entry.key())
                    .bind("request_hash", entry.requestHash())
                    .bind("outcome", entry.outcome())
                    .execute();
            if (inserted == 1) {
                return entry;
            }
            // Under READ COMMITTED this statement sees the row that won, even one committed just now.
            return h.createQuery("SELECT request_hash, outcome FROM idempotency_keys"
                            + " WHERE merchant_id = :merchant AND scope = :scope AND key = :key")
                    .bind("merchant", dialect.uuid(entry.merchant().value()))
                    .bind("scope", entry.scope())
                    .bind("key", entry.key())
                    .map((rs, ctx) -> new Entry(entry.merchant(), entry.scope(), entry.key(),
                            rs.getString("request_hash"), rs.getString("outcome")))
                    .one();
        });
    }
}
