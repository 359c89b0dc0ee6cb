package dev.cofre.adapters.persistence;

import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.idempotency.RequestFingerprint;
import io.vavr.control.Option;

/**
 * Idempotency keys. The primary key (merchant, scope, key) makes the first claim win everywhere:
 * on PostgreSQL a second insert of an uncommitted claim waits for its transaction and then does
 * nothing; on SQLite one writer runs at a time. The outcome is NULL only inside the claiming
 * transaction, which fills it in before it commits.
 */
final class JdbiIdempotencyKeys implements IdempotencyKeys {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiIdempotencyKeys(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public Option<Remembered> claim(IdempotentRequest request) {
        return sessions.write(h -> {
            int inserted = h.createUpdate("INSERT INTO idempotency_keys (merchant_id, scope, key, fingerprint)"
                            + " VALUES (:merchant, :scope, :key, :fingerprint)"
                            + " ON CONFLICT (merchant_id, scope, key) DO NOTHING")
                    .bind("merchant", dialect.uuid(request.merchant().value()))
                    .bind("scope", request.scope())
                    .bind("key", request.key().value())
                    .bind("fingerprint", request.fingerprint().hex())
                    .execute();
            if (inserted == 1) {
                return Option.<Remembered>none();
            }
            // Under READ COMMITTED this statement sees the claim that won, committed just now.
            return Option.some(h.createQuery("SELECT fingerprint, outcome FROM idempotency_keys"
                            + " WHERE merchant_id = :merchant AND scope = :scope AND key = :key")
                    .bind("merchant", dialect.uuid(request.merchant().value()))
                    .bind("scope", request.scope())
                    .bind("key", request.key().value())
                    .map((rs, ctx) -> new Remembered(new RequestFingerprint(rs.getString("fingerprint")),
                            rs.getString("outcome")))
                    .one());
        });
    }

    @Override
    public void remember(IdempotentRequest request, String outcome) {
        sessions.write(h -> h.createUpdate("UPDATE idempotency_keys SET outcome = :outcome"
                        + " WHERE merchant_id = :merchant AND scope = :scope AND key = :key")
                .bind("outcome", outcome)
                .bind("merchant", dialect.uuid(request.merchant().value()))
                .bind("scope", request.scope())
                .bind("key", request.key().value())
                .execute());
    }
}
