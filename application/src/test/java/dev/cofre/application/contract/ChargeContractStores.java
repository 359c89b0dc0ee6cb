package dev.cofre.application.contract;

import dev.cofre.application.charge.ChargeStores;
import dev.cofre.domain.charge.ReconcileLeases;
import dev.cofre.domain.merchant.Merchants;

/** The charge engine's stores over one backing store, with the merchants they belong to, as {@link ChargesContract} gets them. */
public record ChargeContractStores(ChargeStores charging, ReconcileLeases leases, Merchants merchants, Runnable closer)
        implements AutoCloseable {

    @Override
    public void close() {
        closer.run();
    }
}
