package dev.cofre.application.charge;

import dev.cofre.domain.Transactions;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.ReconcileLeases;
import dev.cofre.domain.charge.SpentCryptograms;
import dev.cofre.domain.customer.Customers;
import dev.cofre.domain.customer.SavedCards;
import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.token.Tokens;

/**
 * The stores the charge use cases work on, all behind one {@link Transactions}: the charges, the
 * vault's tokens (charged by card_id), single-use card tokens, spent cryptograms, idempotency keys, and
 * the leases that keep two servers from reconciling one transaction at once, and the customers an
 * order names, to whom a card that authorized successfully is saved.
 */
public record ChargeStores(Charges charges, Tokens tokens, CardTokens cardTokens, SpentCryptograms spentCryptograms,
                           IdempotencyKeys idempotency, ReconcileLeases leases,
                           Transactions transactions, Customers customers, SavedCards savedCards) {

    /** One key space for every charge operation of a merchant. */
    static final String IDEMPOTENCY_SCOPE = "charges";
}
