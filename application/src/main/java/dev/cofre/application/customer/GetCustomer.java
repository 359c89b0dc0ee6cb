package dev.cofre.application.customer;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.customer.CustomerAccount;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;

/** A customer with its saved cards (seed 000, GET /v1/customers/{id}). */
public final class GetCustomer {

    private final Wallets wallets;

    GetCustomer(Wallets wallets) {
        this.wallets = wallets;
    }

    public Either<DomainError, CustomerAccount> get(MerchantId merchant, String customerId) {
        return wallets.customer(merchant, customerId).map(wallets::account);
    }
}
