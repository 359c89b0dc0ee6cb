package dev.cofre.application.inmemory;

import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;

public final class InMemoryAuditTrail implements AuditTrail, InMemoryTransactions.Snapshotting {

    private List<AuditEvent> events = List.empty();

    @Override
    public synchronized void record(AuditEvent event) {
        events = events.prepend(event);
    }

    @Override
    public synchronized List<AuditEvent> of(MerchantId merchant) {
        return events.filter(e -> e.merchant().equals(merchant)).reverse();
    }

    @Override
    public synchronized Object snapshot() {
        return events;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        events = (List<AuditEvent>) snapshot;
    }
}
