package dev.cofre.adapters.persistence;

import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.SecretHash;
import dev.cofre.domain.merchant.SecretKeys;
import io.vavr.control.Option;
import java.time.Instant;

/** The orders API's secret keys, by digest. */
final class JdbiSecretKeys implements SecretKeys {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiSecretKeys(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public void add(MerchantId merchant, SecretHash key, Instant at) {
        sessions.write(h -> h.createUpdate("INSERT INTO secret_keys (key_hash, merchant_id, created_at)"
                        + " VALUES (:key_hash, :merchant, :created_at)")
                .bind("key_hash", key.hex())
                .bind("merchant", dialect.uuid(merchant.value()))
                .bind("created_at", dialect.instant(at))
                .execute());
    }

    @Override
    public Option<MerchantId> merchantOf(SecretHash key) {
        return sessions.read(h -> Option.ofOptional(h.createQuery("SELECT merchant_id FROM secret_keys"
                        + " WHERE key_hash = :key_hash")
                .bind("key_hash", key.hex())
                .map((rs, ctx) -> new MerchantId(SqlDialect.uuid(rs, "merchant_id")))
                .findOne()));
    }
}
