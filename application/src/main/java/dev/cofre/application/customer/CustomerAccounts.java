package dev.cofre.application.customer;

import dev.cofre.application.token.NewToken;
import dev.cofre.domain.Ids;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.token.CardCipher;
import java.time.Clock;
import java.time.Duration;

/** The customer use cases of seed 000, built once over the same stores, cipher, clock and id source. */
public record CustomerAccounts(CreateCustomer create, GetCustomer get, UpdateCustomer update, SearchCustomers search,
                               AddCustomerCard addCard, ListCustomerCards listCards, GetCustomerCard getCard,
                               DeleteCustomerCard deleteCard, CreateCardToken createCardToken,
                               GetCardToken getCardToken, SweepCardTokens sweepCardTokens) {

    /** With card tokens living the vendor's seven days. */
    public static CustomerAccounts create(CustomerStores stores, CardCipher cipher, Clock clock, Ids ids) {
        return create(stores, cipher, clock, ids, CardToken.LIFETIME);
    }

    public static CustomerAccounts create(CustomerStores stores, CardCipher cipher, Clock clock, Ids ids,
                                          Duration cardTokenLifetime) {
        var wallets = new Wallets(stores);
        var requests = new CustomerRequests(stores, new CustomerAudit(stores, clock));
        return new CustomerAccounts(
                new CreateCustomer(stores, wallets, requests, clock, ids),
                new GetCustomer(wallets),
                new UpdateCustomer(stores, wallets, requests, clock),
                new SearchCustomers(stores.customers(), wallets),
                new AddCustomerCard(stores, wallets, requests, new NewToken(cipher, clock, ids), clock, ids),
                new ListCustomerCards(wallets),
                new GetCustomerCard(wallets),
                new DeleteCustomerCard(stores, wallets, requests, clock),
                new CreateCardToken(stores, wallets, requests, cipher, clock, ids, cardTokenLifetime),
                new GetCardToken(stores.cardTokens()),
                new SweepCardTokens(stores.cardTokens(), clock));
    }
}
