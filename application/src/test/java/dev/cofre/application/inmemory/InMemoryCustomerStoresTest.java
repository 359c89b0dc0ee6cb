package dev.cofre.application.inmemory;

import dev.cofre.application.contract.CardTokensContract;
import dev.cofre.application.contract.CustomerTestStores;
import dev.cofre.application.contract.CustomersContract;
import dev.cofre.application.contract.SavedCardsContract;
import org.junit.jupiter.api.Nested;

/** The in-memory customer stores honour their port contracts. */
class InMemoryCustomerStoresTest {

    static CustomerTestStores inMemory() {
        var stores = new InMemoryStores();
        return new CustomerTestStores(stores.customers, stores.savedCards, stores.cardTokens, stores.tokens,
                stores.merchants, stores.transactions, () -> { });
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
