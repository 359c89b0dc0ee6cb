package dev.cofre.adapters.persistence;

import dev.cofre.application.contract.CardTokensContract;
import dev.cofre.application.contract.CustomerTestStores;
import dev.cofre.application.contract.CustomersContract;
import dev.cofre.application.contract.SavedCardsContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The Jdbi customer stores on PostgreSQL (a fresh schema per test) honour their port contracts. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED)
class PostgresCustomerStoresTest {

    static CustomerTestStores postgres() {
        String schema = TestDatabases.randomSchema();
        var db = Database.open(TestDatabases.postgresUrl(), schema);
        return SqliteCustomerStoresTest.customerStoresOf(db, () -> {
            db.close();
            TestDatabases.dropSchema(schema);
        });
    }

    @Nested
    class Customers extends CustomersContract {
        @Override
        protected CustomerTestStores openStores() {
            return postgres();
        }
    }

    @Nested
    class SavedCards extends SavedCardsContract {
        @Override
        protected CustomerTestStores openStores() {
            return postgres();
        }
    }

    @Nested
    class CardTokens extends CardTokensContract {
        @Override
        protected CustomerTestStores openStores() {
            return postgres();
        }
    }
}
