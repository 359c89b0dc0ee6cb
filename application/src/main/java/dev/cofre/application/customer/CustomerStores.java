package dev.cofre.application.customer;

import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.customer.Customers;
import dev.cofre.domain.customer.SavedCards;
import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.token.Tokens;

/** The stores the customer use cases work on, and the audit trail they write to, all behind one {@link Transactions}. */
public record CustomerStores(Customers customers, SavedCards savedCards, Tokens tokens, CardTokens cardTokens,
                             IdempotencyKeys idempotency, Transactions transactions,
                             AuditTrail audit) {
}
