package dev.cofre.application.inmemory;

import dev.cofre.application.charge.ChargeStores;
import dev.cofre.application.customer.CustomerStores;
import dev.cofre.application.customer.SealingCardTokens;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.token.CardCipher;
import java.time.Clock;
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
    /**
     * Card tokens as stored, sealed: shared by customers (who make them) and charges (which spend them)
     * through {@link #cardTokens(CardCipher)}, as a database keeps them.
     */
    public final InMemoryStoredCardTokens cardTokens = new InMemoryStoredCardTokens();
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

    /** The card tokens, sealed and opened by {@code cipher} (give every use case over these stores the same one). */
    public CardTokens cardTokens(CardCipher cipher) {
        return new SealingCardTokens(cardTokens, cipher, audit, Clock.systemUTC());
    }

    public ChargeStores charging(CardCipher cipher) {
        return new ChargeStores(charges, tokens, cardTokens(cipher), spentCryptograms, idempotency, reconcileLeases,
                transactions, customers, savedCards);
    }

    public CustomerStores customers(CardCipher cipher) {
        return new CustomerStores(customers, savedCards, tokens, cardTokens(cipher), idempotency, transactions, audit);
    }
}
