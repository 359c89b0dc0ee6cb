package dev.cofre.application.inmemory;

import dev.cofre.application.contract.CardTokensContract;
import dev.cofre.application.contract.CustomerTestStores;
import dev.cofre.application.contract.CustomersContract;
import dev.cofre.application.contract.SavedCardsContract;
import org.junit.jupiter.api.Nested;

/** The in-memory customer stores honour their port contracts. */
class InMemoryCustomerStoresTest {

    /** Sealed card tokens in memory ({@link InMemoryStoredCardTokens}), as a database keeps them. */
    static CustomerTestStores inMemory() {
        var tokens = new InMemoryTokens();
        var merchants = new InMemoryMerchants();
        var customers = new InMemoryCustomers();
        var savedCards = new InMemorySavedCards();
        var cardTokens = new InMemoryStoredCardTokens();
        return new CustomerTestStores(customers, savedCards, cardTokens, tokens, merchants,
                new InMemoryTransactions(tokens, merchants, customers, savedCards, cardTokens), () -> { });
    }

    @Nested
    class Customers extends CustomersContract {
        @Override
        protected CustomerTestStores openStores() {
            return inMemory();
        }
    }

    @Nested
    class SavedCards extends SavedCardsContract {
        @Override
        protected CustomerTestStores openStores() {
            return inMemory();
        }
    }

    @Nested
    class CardTokens extends CardTokensContract {
        @Override
        protected CustomerTestStores openStores() {
            return inMemory();
        }
    }
}
