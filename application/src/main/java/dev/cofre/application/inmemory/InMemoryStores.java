package dev.cofre.application.inmemory;

import dev.cofre.application.customer.CustomerStores;
import dev.cofre.application.customer.SealingCardTokens;
import dev.cofre.application.token.VaultStores;
import dev.cofre.domain.token.CardCipher;

/** Every in-memory store behind one set of transactions: Cofre embedded with no database. */
public final class InMemoryStores {

    public final InMemoryTokens tokens = new InMemoryTokens();
    public final InMemorySaveRequests saveRequests = new InMemorySaveRequests();
    public final InMemoryKeyRecoveries keyRecoveries = new InMemoryKeyRecoveries();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryIdempotencyKeys idempotency = new InMemoryIdempotencyKeys();
    public final InMemoryMerchants merchants = new InMemoryMerchants();
    public final InMemoryAccessTokens accessTokens = new InMemoryAccessTokens();
    public final InMemoryCustomers customers = new InMemoryCustomers();
    public final InMemorySavedCards savedCards = new InMemorySavedCards();
    public final InMemoryStoredCardTokens cardTokens = new InMemoryStoredCardTokens();
    public final InMemoryTransactions transactions = new InMemoryTransactions(
            tokens, saveRequests, keyRecoveries, audit, idempotency, merchants, accessTokens,
            customers, savedCards, cardTokens);

    /** The customer stores; card tokens are sealed with {@code cipher}, as a database would keep them. */
    public CustomerStores customers(CardCipher cipher) {
        return new CustomerStores(customers, savedCards, tokens, new SealingCardTokens(cardTokens, cipher), transactions);
    }

    public VaultStores vault() {
        return new VaultStores(tokens, saveRequests, keyRecoveries, audit, idempotency, merchants, transactions);
    }
}
