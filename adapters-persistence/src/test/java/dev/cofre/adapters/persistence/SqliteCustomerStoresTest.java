package dev.cofre.adapters.persistence;

import dev.cofre.application.contract.CardTokensContract;
import dev.cofre.application.contract.CustomerTestStores;
import dev.cofre.application.contract.CustomersContract;
import dev.cofre.application.contract.SavedCardsContract;
import org.junit.jupiter.api.Nested;

/** The Jdbi customer stores on a SQLite file honour their port contracts. */
class SqliteCustomerStoresTest {

    static CustomerTestStores sqlite() {
        var db = TestDatabases.sqlite();
        return customerStoresOf(db, () -> {
            db.close();
            TestDatabases.deleteSqlite(db);
        });
    }

    static CustomerTestStores customerStoresOf(Database db, Runnable closer) {
        return new CustomerTestStores(db.customers(), db.savedCards(), db.cardTokens(), db.tokens(), db.merchants(),
                db.transactions(), closer);
    }

    @Nested
    class Customers extends CustomersContract {
        @Override
        protected CustomerTestStores openStores() {
            return sqlite();
        }
    }

    @Nested
    class SavedCards extends SavedCardsContract {
        @Override
        protected CustomerTestStores openStores() {
            return sqlite();
        }
    }

    @Nested
    class CardTokens extends CardTokensContract {
        @Override
        protected CustomerTestStores openStores() {
            return sqlite();
        }
    }
}
