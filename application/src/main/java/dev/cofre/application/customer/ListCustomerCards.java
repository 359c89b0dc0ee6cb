package dev.cofre.application.customer;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** A customer's saved cards, oldest first (seed 000, GET /v1/customers/{id}/cards). */
public final class ListCustomerCards {

    private final Wallets wallets;

    ListCustomerCards(Wallets wallets) {
        this.wallets = wallets;
    }

    public Either<DomainError, List<CustomerCard>> list(MerchantId merchant, String customerId) {
        return wallets.customer(merchant, customerId).map(c -> wallets.account(c).cards());
    }
}
