package dev.cofre.domain.audit;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;

/** The append-only record of sensitive operations (every card-number read among them). */
public interface AuditTrail {

    void record(AuditEvent event);

    /** A merchant's events, oldest first. */
    List<AuditEvent> of(MerchantId merchant);
}
