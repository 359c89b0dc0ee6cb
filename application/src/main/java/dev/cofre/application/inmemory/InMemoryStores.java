package dev.cofre.application.inmemory;

import dev.cofre.application.charge.ChargeStores;
import dev.cofre.application.customer.CustomerStores;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.VaultStores;

/** Every in-memory store behind one set of transactions: Cofre embedded with no database. */
public final class InMemoryStores {

    public final InMemoryTokens tokens = new InMemoryTokens();
    public final InMemorySaveRequests saveRequests = new InMemorySaveRequests();
    public final InMemoryKeyRecoveries keyRecoveries = new InMemoryKeyRecoveries();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryIdempotencyKeys idempotency = new InMemoryIdempotencyKeys();
    public final InMemoryMerchants merchants = new InMemoryMerchants();
    public final InMemoryAccessTokens accessTokens = new InMemoryAccessTokens();
    public final InMemoryLoginFailures loginFailures = new InMemoryLoginFailures();
    public final InMemoryCharges charges = new InMemoryCharges();
    /** Card tokens, shared by customers (who make them) and charges (which spend them). */
    public final InMemoryCardTokens cardTokens = new InMemoryCardTokens();
    public final InMemorySpentCryptograms spentCryptograms = new InMemorySpentCryptograms();
    public final InMemoryCustomers customers = new InMemoryCustomers();
    public final InMemorySavedCards savedCards = new InMemorySavedCards();
    public final InMemoryReconcileLeases reconcileLeases = new InMemoryReconcileLeases();
    public final InMemoryTransactions transactions = new InMemoryTransactions(
            tokens, saveRequests, keyRecoveries, audit, idempotency, merchants, accessTokens, loginFailures, charges,
            cardTokens, customers, savedCards);

    public VaultStores vault() {
        return new VaultStores(tokens, saveRequests, keyRecoveries, audit, idempotency, merchants, transactions);
    }

    public MerchantAccounts.Stores merchantAccounts() {
        return new MerchantAccounts.Stores(merchants, accessTokens, loginFailures, audit, transactions);
    }

    public ChargeStores charging() {
        return new ChargeStores(charges, tokens, cardTokens, spentCryptograms, idempotency, reconcileLeases,
                transactions, customers, savedCards);
    }

    public CustomerStores customers() {
        return new CustomerStores(customers, savedCards, tokens, cardTokens, idempotency, transactions);
    }
}
