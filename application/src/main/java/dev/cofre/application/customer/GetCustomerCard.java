package dev.cofre.application.customer;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;

/** One of a customer's saved cards (seed 000, GET /v1/customers/{id}/cards/{card_id}). */
public final class GetCustomerCard {

    private final Wallets wallets;

    GetCustomerCard(Wallets wallets) {
        this.wallets = wallets;
    }

    public Either<DomainError, CustomerCard> get(MerchantId merchant, String customerId, String cardId) {
        return wallets.customer(merchant, customerId).flatMap(customer -> wallets.card(customer, cardId));
    }
}
