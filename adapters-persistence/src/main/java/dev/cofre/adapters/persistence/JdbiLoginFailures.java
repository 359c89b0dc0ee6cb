package dev.cofre.adapters.persistence;

import dev.cofre.domain.merchant.LoginFailures;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed client authentications per (client id, source), one row each. Counting is one upsert,
 * so concurrent failures on several servers each count exactly once.
 */
final class JdbiLoginFailures implements LoginFailures {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiLoginFailures(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public Count fail(String clientId, String source, Instant now, Duration window) {
        return sessions.write(h -> h.createQuery("INSERT INTO login_failures (client_id, source, since, failures)"
                        + " VALUES (:client, :source, :now, 1)"
                        + " ON CONFLICT (client_id, source) DO UPDATE SET"
                        + " failures = CASE WHEN login_failures.since <= :expired THEN 1 ELSE login_failures.failures + 1 END,"
                        + " since = CASE WHEN login_failures.since <= :expired THEN :now ELSE login_failures.since END"
                        + " RETURNING failures, since")
                .bind("client", clientId)
                .bind("source", source)
                .bind("now", dialect.instant(now))
                .bind("expired", dialect.instant(now.minus(window)))
                .map((rs, ctx) -> new Count(rs.getInt("failures"), dialect.instant(rs, "since")))
                .one());
    }

    @Override
    public Option<Count> current(String clientId, String source, Instant now, Duration window) {
        return sessions.read(h -> Option.ofOptional(
                h.createQuery("SELECT failures, since FROM login_failures"
                                + " WHERE client_id = :client AND source = :source AND since > :expired")
                        .bind("client", clientId)
                        .bind("source", source)
                        .bind("expired", dialect.instant(now.minus(window)))
                        .map((rs, ctx) -> new Count(rs.getInt("failures"), dialect.instant(rs, "since")))
                        .findOne()));
    }

    @Override
    public void forget(String clientId, String source) {
        sessions.write(h -> h.createUpdate("DELETE FROM login_failures WHERE client_id = :client AND source = :source")
                .bind("client", clientId)
                .bind("source", source)
                .execute());
    }

    @Override
    public int purge(Instant before) {
        return sessions.write(h -> h.createUpdate("DELETE FROM login_failures WHERE since <= :before")
                .bind("before", dialect.instant(before))
                .execute());
    }
}
