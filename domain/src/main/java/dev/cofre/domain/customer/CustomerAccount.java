package dev.cofre.domain.customer;

import io.vavr.collection.List;

/** A customer with its saved cards, oldest first: what seed 000 answers for a customer. */
public record CustomerAccount(Customer customer, List<CustomerCard> cards) {

    public CustomerAccount {
        java.util.Objects.requireNonNull(customer, "customer");
        java.util.Objects.requireNonNull(cards, "cards");
    }
}
