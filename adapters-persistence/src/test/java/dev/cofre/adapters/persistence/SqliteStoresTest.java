package dev.cofre.adapters.persistence;

import dev.cofre.application.contract.AccessTokensContract;
import dev.cofre.application.contract.AuditTrailContract;
import dev.cofre.application.contract.ChargeContractStores;
import dev.cofre.application.contract.ChargesContract;
import dev.cofre.application.contract.IdempotencyContract;
import dev.cofre.application.contract.KeyRecoveriesContract;
import dev.cofre.application.contract.MerchantsContract;
import dev.cofre.application.contract.SaveRequestsContract;
import dev.cofre.application.contract.SealedPansContract;
import dev.cofre.application.contract.Stores;
import dev.cofre.application.contract.TokensContract;
import org.junit.jupiter.api.Nested;

/** The Jdbi stores on a SQLite file honour every port contract. */
class SqliteStoresTest {

    @Nested
    class Tokens extends TokensContract {
        @Override
        protected Stores openStores() {
            return TestDatabases.sqliteStores();
        }
    }

    @Nested
    class SealedPans extends SealedPansContract {
        @Override
        protected Stores openStores() {
            return TestDatabases.sqliteStores();
        }
    }

    @Nested
    class SaveRequests extends SaveRequestsContract {
        @Override
        protected Stores openStores() {
            return TestDatabases.sqliteStores();
        }
    }

    @Nested
    class KeyRecoveries extends KeyRecoveriesContract {
        @Override
        protected Stores openStores() {
            return TestDatabases.sqliteStores();
        }
    }

    @Nested
    class AuditTrail extends AuditTrailContract {
        @Override
        protected Stores openStores() {
            return TestDatabases.sqliteStores();
        }
    }

    @Nested
    class Merchants extends MerchantsContract {
        @Override
        protected Stores openStores() {
            return TestDatabases.sqliteStores();
        }
    }

    @Nested
    class AccessTokens extends AccessTokensContract {
        @Override
        protected Stores openStores() {
            return TestDatabases.sqliteStores();
        }
    }

    @Nested
    class Idempotency extends IdempotencyContract {
        @Override
        protected Stores openStores() {
            return TestDatabases.sqliteStores();
        }
    }

    @Nested
    class Charges extends ChargesContract {
        @Override
        protected ChargeContractStores openStores() {
            return TestDatabases.sqliteChargeStores();
        }
    }

    @Nested
    class LoginFailures extends dev.cofre.application.contract.LoginFailuresContract {
        @Override
        protected Opened open() {
            var db = TestDatabases.sqlite();
            return new Opened(db.loginFailures(), () -> {
                db.close();
                TestDatabases.deleteSqlite(db);
            });
        }
    }
}
