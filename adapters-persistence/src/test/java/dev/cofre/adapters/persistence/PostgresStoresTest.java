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
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The Jdbi stores on PostgreSQL (a fresh schema per test) honour every port contract. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED)
class PostgresStoresTest {

    /** The database URL every contract runs on; {@link SerializablePostgresStoresTest} adds an option to it. */
    String url() {
        return TestDatabases.postgresUrl();
    }

    private Stores stores() {
        return TestDatabases.postgresStores(url());
    }

    @Nested
    class Tokens extends TokensContract {
        @Override
        protected Stores openStores() {
            return stores();
        }
    }

    @Nested
    class SealedPans extends SealedPansContract {
        @Override
        protected Stores openStores() {
            return stores();
        }
    }

    @Nested
    class SaveRequests extends SaveRequestsContract {
        @Override
        protected Stores openStores() {
            return stores();
        }
    }

    @Nested
    class KeyRecoveries extends KeyRecoveriesContract {
        @Override
        protected Stores openStores() {
            return stores();
        }
    }

    @Nested
    class AuditTrail extends AuditTrailContract {
        @Override
        protected Stores openStores() {
            return stores();
        }
    }

    @Nested
    class Merchants extends MerchantsContract {
        @Override
        protected Stores openStores() {
            return stores();
        }
    }

    @Nested
    class AccessTokens extends AccessTokensContract {
        @Override
        protected Stores openStores() {
            return stores();
        }
    }

    @Nested
    class Idempotency extends IdempotencyContract {
        @Override
        protected Stores openStores() {
            return stores();
        }
    }

    @Nested
    class Charges extends ChargesContract {
        @Override
        protected ChargeContractStores openStores() {
            return TestDatabases.postgresChargeStores(url());
        }
    }

    @Nested
    class LoginFailures extends dev.cofre.application.contract.LoginFailuresContract {
        @Override
        protected Opened open() {
            String schema = TestDatabases.randomSchema();
            var db = Database.open(url(), schema);
            return new Opened(db.loginFailures(), () -> {
                db.close();
                TestDatabases.dropSchema(schema);
            });
        }
    }
}
