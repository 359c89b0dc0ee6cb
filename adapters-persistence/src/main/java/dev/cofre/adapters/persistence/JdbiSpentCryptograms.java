package dev.cofre.adapters.persistence;

import dev.cofre.domain.charge.CryptogramDigest;
import dev.cofre.domain.charge.SpentCryptograms;
import java.time.Instant;

/** Spent cryptograms by keyed hash; the primary key makes the first use win on every server. */
final class JdbiSpentCryptograms implements SpentCryptograms {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiSpentCryptograms(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public boolean spend(CryptogramDigest digest, Instant at) {
        return sessions.write(h -> h.createUpdate("INSERT INTO spent_cryptograms (digest, spent_at)"
                        + " VALUES (:digest, :spent_at) ON CONFLICT (digest) DO NOTHING")
                .bind("digest", digest.hex())
                .bind("spent_at", dialect.instant(at))
                .execute() == 1);
    }
}
