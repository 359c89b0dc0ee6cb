package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.ReconcileLeases;
import dev.cofre.domain.charge.TransactionId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Reconciliation leases in memory: one process, so one map under a lock. */
public final class InMemoryReconcileLeases implements ReconcileLeases {

    private record Lease(String holder, Instant expiresAt) {
    }

    private final Map<TransactionId, Lease> leases = new HashMap<>();

    @Override
    public synchronized boolean acquire(TransactionId transaction, String holder, Instant now, Duration length) {
        Lease current = leases.get(transaction);
        if (current != null && current.expiresAt().isAfter(now)) {
            return false;
        }
        leases.put(transaction, new Lease(holder, now.plus(length)));
        return true;
    }

    @Override
    public synchronized void release(TransactionId transaction, String holder) {
        leases.computeIfPresent(transaction, (id, lease) -> lease.holder().equals(holder) ? null : lease);
    }
}
