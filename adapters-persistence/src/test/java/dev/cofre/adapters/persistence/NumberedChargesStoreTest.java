package dev.cofre.adapters.persistence;

import dev.cofre.application.contract.NumberedChargesContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link NumberedChargesContract} on SQLite and on PostgreSQL (migration V9). */
class NumberedChargesStoreTest {

    @Nested
    class OnSqlite extends NumberedChargesContract {
        @Override
        protected Opened openStores() {
            var db = TestDatabases.sqlite();
            return new Opened(TestDatabases.chargeStoresOf(db, () -> {
                db.close();
                TestDatabases.deleteSqlite(db);
            }), db.numberedCharges());
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.POSTGRES_DISABLED)
    class OnPostgres extends NumberedChargesContract {
        @Override
        protected Opened openStores() {
            String schema = TestDatabases.randomSchema();
            var db = Database.open(TestDatabases.postgresUrl(), schema);
            return new Opened(TestDatabases.chargeStoresOf(db, () -> {
                db.close();
                TestDatabases.dropSchema(schema);
            }), db.numberedCharges());
        }
    }
}
