package dev.cofre.application.customer;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Clock;

/**
 * Writes the customer operations' audit events into the stores' audit trail. A subject is only ever
 * an id Cofre issued or one that parsed as the id it claims to be (customer, card, card token), and a
 * refusal's detail is its error code alone: nothing a caller sent goes raw to the trail, and nothing
 * of a card but its ids.
 */
final class CustomerAudit {

    static final String CREATE_CUSTOMER = "customer.create";
    static final String UPDATE_CUSTOMER = "customer.update";
    static final String ADD_CARD = "customer.add-card";
    static final String DELETE_CARD = "customer.delete-card";
    static final String CREATE_CARD_TOKEN = "card-token.create";
    static final String SPEND_CARD_TOKEN = "card-token.spend";

    private final CustomerStores stores;
    private final Clock clock;

    CustomerAudit(CustomerStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** A success, in the caller's transaction: it is kept exactly when the change is. */
    void succeeded(MerchantId merchant, String action, String subject) {
        stores.audit().record(new AuditEvent(clock.instant(), merchant, action, Option.some(subject),
                AuditEvent.Outcome.SUCCEEDED, Option.none(), ""));
    }

    /** A refusal, in a transaction of its own, since the refused request's writes were rolled back. */
    void refused(MerchantId merchant, String action, Option<String> subject, DomainError error) {
        stores.transactions().inTransaction(() -> {
            stores.audit().record(new AuditEvent(clock.instant(), merchant, action, subject,
                    AuditEvent.Outcome.REFUSED, Option.none(), String.valueOf(error.code())));
            return null;
        });
    }

    /** {@code customer} as a subject if it has the shape of a customer id, else none. */
    static Option<String> customer(String customer) {
        return dev.cofre.domain.customer.CustomerId.parse("id", customer).toOption()
                .map(dev.cofre.domain.customer.CustomerId::value);
    }

    /** A customer's card as a subject: {@code <customer id>/cards/<card id>}, each part only if it is an id. */
    static Option<String> card(String customer, String card) {
        return customer(customer).flatMap(c -> dev.cofre.domain.customer.CardId.parse("card_id", card).toOption()
                .map(id -> c + "/cards/" + id.value()));
    }

    /** A saved card's subject from the card itself. */
    static String of(dev.cofre.domain.customer.CustomerCard card) {
        return card.saved().customer().value() + "/cards/" + card.id().value();
    }
}
