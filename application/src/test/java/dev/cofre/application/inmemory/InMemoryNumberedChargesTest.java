package dev.cofre.application.inmemory;

import dev.cofre.application.contract.ChargeContractStores;
import dev.cofre.application.contract.NumberedChargesContract;

class InMemoryNumberedChargesTest extends NumberedChargesContract {

    @Override
    protected Opened openStores() {
        var s = new InMemoryStores();
        return new Opened(new ChargeContractStores(s.charging(new dev.cofre.application.testing.TestCardCipher()), s.reconcileLeases, s.merchants, () -> { }),
                new InMemoryNumberedCharges());
    }
}
