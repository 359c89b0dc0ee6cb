package dev.cofre.adapters.persistence;

import dev.cofre.domain.merchant.AccessToken;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.control.Option;
import java.time.Instant;

/** Issued bearer tokens, by the hash of the token (the token itself is never stored). */
final class JdbiAccessTokens implements AccessTokens {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiAccessTokens(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public void issue(AccessToken token) {
        sessions.write(h -> h.createUpdate("INSERT INTO access_tokens (hash, merchant_id, expires_at)"
                        + " VALUES (:hash, :merchant, :expires_at) ON CONFLICT (hash)"
                        + " DO UPDATE SET merchant_id = excluded.merchant_id, expires_at = excluded.expires_at")
                .bind("hash", token.hash().hex())
                .bind("merchant", dialect.uuid(token.merchant().value()))
                .bind("expires_at", dialect.instant(token.expiresAt()))
                .execute());
    }

    @Override
    public Option<AccessToken> find(SecretHash hash) {
        return sessions.read(h -> Option.ofOptional(
                h.createQuery("SELECT merchant_id, expires_at FROM access_tokens WHERE hash = :hash")
                        .bind("hash", hash.hex())
                        .map((rs, ctx) -> new AccessToken(hash, new MerchantId(SqlDialect.uuid(rs, "merchant_id")),
                                dialect.instant(rs, "expires_at")))
                        .findOne()));
    }

    @Override
    public int revokeAllOf(MerchantId merchant) {
        return sessions.write(h -> h.createUpdate("DELETE FROM access_tokens WHERE merchant_id = :merchant")
                .bind("merchant", dialect.uuid(merchant.value()))
                .execute());
    }

    @Override
    public int purgeExpired(Instant now) {
        return sessions.write(h -> h.createUpdate("DELETE FROM access_tokens WHERE expires_at <= :now")
                .bind("now", dialect.instant(now))
                .execute());
    }
}
