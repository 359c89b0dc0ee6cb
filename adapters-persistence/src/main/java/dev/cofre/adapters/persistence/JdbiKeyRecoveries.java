package dev.cofre.adapters.persistence;

import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.KeyRecoveries;
import dev.cofre.domain.token.KeyRecoveryAttempts;
import io.vavr.control.Option;

/** GetJustClickKey lockout counters, one row per merchant that ever failed. */
final class JdbiKeyRecoveries implements KeyRecoveries {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiKeyRecoveries(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public KeyRecoveryAttempts of(MerchantId merchant) {
        return sessions.read(h -> h.createQuery("SELECT consecutive_failures, locked FROM key_recoveries WHERE merchant_id = :merchant")
                .bind("merchant", dialect.uuid(merchant.value()))
                .map((rs, ctx) -> new KeyRecoveryAttempts(merchant, rs.getInt("consecutive_failures"), rs.getBoolean("locked")))
                .findOne()
                .orElseGet(() -> KeyRecoveryAttempts.fresh(merchant)));
    }

    /** One conditional UPDATE: the row lock it takes makes racing attempts, on any server, count one by one. */
    @Override
    public Option<KeyRecoveryAttempts> take(MerchantId merchant) {
        return sessions.write(h -> {
            Object id = dialect.uuid(merchant.value());
            h.createUpdate("INSERT INTO key_recoveries (merchant_id, consecutive_failures, locked)"
                            + " VALUES (:merchant, 0, :unlocked) ON CONFLICT (merchant_id) DO NOTHING")
                    .bind("merchant", id).bind("unlocked", false).execute();
            return Option.ofOptional(h.createQuery("UPDATE key_recoveries SET consecutive_failures = consecutive_failures + 1,"
                            + " locked = (consecutive_failures + 1 >= :limit)"
                            + " WHERE merchant_id = :merchant AND locked = :unlocked"
                            + " RETURNING consecutive_failures, locked")
                    .bind("merchant", id).bind("unlocked", false).bind("limit", KeyRecoveryAttempts.LIMIT)
                    .map((rs, ctx) -> new KeyRecoveryAttempts(merchant, rs.getInt("consecutive_failures"),
                            rs.getBoolean("locked")))
                    .findOne());
        });
    }

    @Override
    public void save(KeyRecoveryAttempts attempts) {
        sessions.write(h -> h.createUpdate("INSERT INTO key_recoveries (merchant_id, consecutive_failures, locked)"
                        + " VALUES (:merchant, :failures, :locked) ON CONFLICT (merchant_id)"
                        + " DO UPDATE SET consecutive_failures = excluded.consecutive_failures, locked = excluded.locked")
                .bind("merchant", dialect.uuid(attempts.merchant().value()))
                .bind("failures", attempts.consecutiveFailures())
                .bind("locked", attempts.locked())
                .execute());
    }
}
