package dev.cofre.adapters.persistence;

import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.idempotency.RequestFingerprint;
import io.vavr.control.Option;
import java.sql.ResultSet;

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

    /* Plain JDBC (Sessions.writePrepared): every request with an idempotency key runs these. */
    private static final String CLAIM = "INSERT INTO idempotency_keys (merchant_id, scope, key, fingerprint)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (merchant_id, scope, key) DO NOTHING";
    private static final String CLAIMED = "SELECT fingerprint, outcome FROM idempotency_keys"
            + " WHERE merchant_id = ? AND scope = ? AND key = ?";
    private static final String REMEMBER = "UPDATE idempotency_keys SET outcome = ?"
            + " WHERE merchant_id = ? AND scope = ? AND key = ?";

    @Override
    public Option<Remembered> claim(IdempotentRequest request) {
        Object merchant = dialect.uuid(request.merchant().value());
        return sessions.inTransaction(() -> {
            int inserted = sessions.writePrepared(CLAIM, insert -> {
                Statements.bind(insert, merchant, request.scope(), request.key().value(), request.fingerprint().hex());
                return insert.executeUpdate();
            });
            if (inserted == 1) {
                return Option.<Remembered>none();
            }
            // Under READ COMMITTED this statement sees the claim that won, committed just now.
            return Option.some(sessions.writePrepared(CLAIMED, query -> {
                Statements.bind(query, merchant, request.scope(), request.key().value());
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("an idempotency key's claim was refused but no claim is found");
                    }
                    return new Remembered(new RequestFingerprint(rs.getString("fingerprint")), rs.getString("outcome"));
                }
            }));
        });
    }

    @Override
    public void remember(IdempotentRequest request, String outcome) {
        sessions.writePrepared(REMEMBER, update -> {
            Statements.bind(update, outcome, dialect.uuid(request.merchant().value()), request.scope(),
                    request.key().value());
            return update.executeUpdate();
        });
    }
}
