package dev.cofre.application.contract;

import dev.cofre.domain.Transactions;
import dev.cofre.domain.charge.StoredCardTokens;
import dev.cofre.domain.customer.Customers;
import dev.cofre.domain.customer.SavedCards;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.token.Tokens;

/** The customer stores under contract, with the stores they lean on, sharing one backing store. */
public record CustomerTestStores(Customers customers, SavedCards savedCards, StoredCardTokens cardTokens,
                                 Tokens tokens, Merchants merchants, Transactions transactions, Runnable closer)
        implements AutoCloseable {

    @Override
    public void close() {
        closer.run();
    }
}
