package dev.cofre.application.contract;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.domain.audit.AuditEvent;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.audit.AuditTrail} must do. */
public abstract class AuditTrailContract extends StoreContract {

    @Test
    void a_merchants_events_come_back_oldest_first_and_only_its_own() {
        var merchant = givenMerchant();
        var other = givenMerchant();
        var read = new AuditEvent(NOW, merchant, "detokenize", Option.some("3fa85f64-5717-4562-b3fc-2c963f66afa6"),
                AuditEvent.Outcome.SUCCEEDED, Option.some("203.0.113.7"), "card number read");
        var refused = new AuditEvent(NOW.plusMillis(1), merchant, "detokenize", Option.none(),
                AuditEvent.Outcome.REFUSED, Option.none(), "ip not allowed");
        var theirs = new AuditEvent(NOW, other, "remove", Option.none(), AuditEvent.Outcome.SUCCEEDED, Option.none(), "");

        stores.auditTrail().record(read);
        stores.auditTrail().record(theirs);
        stores.auditTrail().record(refused);

        assertEquals(List.of(read, refused), stores.auditTrail().of(merchant));
        assertEquals(List.of(theirs), stores.auditTrail().of(other));
    }

    @Test
    void a_merchant_without_events_has_an_empty_trail() {
        assertEquals(List.empty(), stores.auditTrail().of(givenMerchant()));
    }
}
