package dev.cofre.adapters.persistence;

import dev.cofre.domain.charge.ReconcileLeases;
import dev.cofre.domain.charge.TransactionId;
import java.time.Duration;
import java.time.Instant;

/**
 * Reconciliation leases as rows: taking one is a single upsert that succeeds only when there is no
 * row or its lease has expired, so of two servers racing for one transaction exactly one wins
 * (PostgreSQL's row lock on the conflicting row decides; SQLite has one writer).
 */
final class JdbiReconcileLeases implements ReconcileLeases {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiReconcileLeases(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public boolean acquire(TransactionId transaction, String holder, Instant now, Duration length) {
        return sessions.write(h -> h.createUpdate("INSERT INTO reconcile_leases (transaction_id, holder, expires_at)"
                        + " VALUES (:transaction, :holder, :expires_at)"
                        + " ON CONFLICT (transaction_id) DO UPDATE SET holder = excluded.holder,"
                        + " expires_at = excluded.expires_at WHERE reconcile_leases.expires_at <= :now")
                .bind("transaction", transaction.value())
                .bind("holder", holder)
                .bind("expires_at", dialect.instant(now.plus(length)))
                .bind("now", dialect.instant(now))
                .execute() == 1);
    }

    @Override
    public void release(TransactionId transaction, String holder) {
        sessions.write(h -> h.createUpdate("DELETE FROM reconcile_leases WHERE transaction_id = :transaction"
                        + " AND holder = :holder")
                .bind("transaction", transaction.value())
                .bind("holder", holder)
                .execute());
    }
}
