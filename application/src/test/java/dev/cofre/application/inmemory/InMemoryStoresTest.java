package dev.cofre.application.inmemory;

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

/** The in-memory adapters honour every port contract. */
class InMemoryStoresTest {

    static Stores inMemory() {
        var s = new InMemoryStores(); // every store behind the transactions that snapshot them
        return new Stores(s.tokens, s.tokens, s.saveRequests, s.keyRecoveries, s.audit, s.merchants, s.accessTokens,
                s.idempotency, s.transactions, () -> { });
    }

    @Nested
    class Tokens extends TokensContract {
        @Override
        protected Stores openStores() {
            return inMemory();
        }
    }

    @Nested
    class SealedPans extends SealedPansContract {
        @Override
        protected Stores openStores() {
            return inMemory();
        }
    }

    @Nested
    class SaveRequests extends SaveRequestsContract {
        @Override
        protected Stores openStores() {
            return inMemory();
        }
    }

    @Nested
    class KeyRecoveries extends KeyRecoveriesContract {
        @Override
        protected Stores openStores() {
            return inMemory();
        }
    }

    @Nested
    class AuditTrail extends AuditTrailContract {
        @Override
        protected Stores openStores() {
            return inMemory();
        }
    }

    @Nested
    class Merchants extends MerchantsContract {
        @Override
        protected Stores openStores() {
            return inMemory();
        }
    }

    @Nested
    class AccessTokens extends AccessTokensContract {
        @Override
        protected Stores openStores() {
            return inMemory();
        }
    }

    @Nested
    class Idempotency extends IdempotencyContract {
        @Override
        protected Stores openStores() {
            return inMemory();
        }
    }

    @Nested
    class Charges extends ChargesContract {
        @Override
        protected ChargeContractStores openStores() {
            var s = new InMemoryStores();
            return new ChargeContractStores(s.charging(new dev.cofre.application.testing.TestCardCipher()), s.reconcileLeases, s.merchants, () -> { });
        }
    }

    @Nested
    class LoginFailures extends dev.cofre.application.contract.LoginFailuresContract {
        @Override
        protected Opened open() {
            return new Opened(new InMemoryLoginFailures(), () -> { });
        }
    }
}
